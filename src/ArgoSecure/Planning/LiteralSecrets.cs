using k8s.Models;

namespace ArgoSecure.Planning;

/// <summary>The Secrets ArgoSecure itself writes: literal credentials (ARGO0016) and legacy service account tokens.</summary>
internal static class LiteralSecrets
{
    /// <summary>One Secret per name holding the literal values of the given references (none when all are references).</summary>
    public static IEnumerable<V1Secret> For(string @namespace, IEnumerable<SecretKeyReference?> references) =>
        references
            .Where(r => r?.LiteralValue is not null)
            .GroupBy(r => r!.Name, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                // Labelled for no one component: the controller and the server may both need the same Secret.
                var secret = KubeObjects.Create<V1Secret>(g.Key, @namespace, Labels.Common("credentials"));
                secret.Type = "Opaque";
                secret.StringData = new SortedDictionary<string, string>(
                    g.GroupBy(r => r!.Key, StringComparer.Ordinal).ToDictionary(k => k.Key, k => k.First()!.LiteralValue!, StringComparer.Ordinal),
                    StringComparer.Ordinal);
                return secret;
            });

    /// <summary>
    /// The long-lived token Secret Argo mounts for a service account when token automount is off
    /// (<c>&lt;sa&gt;.service-account-token</c>); Kubernetes fills in the token.
    /// </summary>
    public static V1Secret ServiceAccountToken(string @namespace, string serviceAccount, string component)
    {
        var secret = KubeObjects.Create<V1Secret>(TokenSecretName(serviceAccount), @namespace, Labels.Common(component),
            new Dictionary<string, string> { ["kubernetes.io/service-account.name"] = serviceAccount });
        secret.Type = "kubernetes.io/service-account-token";
        return secret;
    }

    /// <summary>The name Argo looks for.</summary>
    public static string TokenSecretName(string serviceAccount) => serviceAccount + ".service-account-token";
}
