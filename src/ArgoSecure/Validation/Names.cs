using System.Net;
using System.Text.RegularExpressions;

namespace ArgoSecure.Validation;

/// <summary>Kubernetes name rules, checked before anything is planned.</summary>
internal static partial class Names
{
    /// <summary>A namespace (or Service) name: a DNS-1123 label.</summary>
    public static bool IsDnsLabel(string? value) => value is { Length: > 0 and <= 63 } && DnsLabel().IsMatch(value);

    /// <summary>Most object names (ServiceAccount, Secret…): a DNS-1123 subdomain.</summary>
    public static bool IsDnsSubdomain(string? value) => value is { Length: > 0 and <= 253 } && DnsSubdomain().IsMatch(value);

    /// <summary>An IPv4 or IPv6 CIDR such as <c>10.0.0.0/16</c>.</summary>
    public static bool IsCidr(string? value)
    {
        if (value is null)
        {
            return false;
        }

        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || !IPAddress.TryParse(value[..slash], out var address) ||
            !int.TryParse(value[(slash + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var bits))
        {
            return false;
        }

        var max = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? 128 : 32;
        return bits <= max;
    }

    /// <summary>An image digest: <c>sha256:</c> and 64 hex digits.</summary>
    public static bool IsDigest(string? value) => value is not null && Digest().IsMatch(value);

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex DnsLabel();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", RegexOptions.CultureInvariant)]
    private static partial Regex DnsSubdomain();

    [GeneratedRegex("^sha256:[a-f0-9]{64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Digest();
}
