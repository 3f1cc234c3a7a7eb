using System.Globalization;
using ArgoSecure.Rules;

namespace ArgoSecure.Validation;

/// <summary>Collects input errors and findings while the validators walk the Args.</summary>
internal sealed class ValidationContext
{
    private readonly List<InputError> _errors = [];
    private readonly List<Finding> _findings = [];

    public void Error(string property, object? value, string message, string fix) =>
        _errors.Add(new InputError(property, Format(value), message, fix));

    public void Report(string ruleId, string property, object? value, string message) =>
        _findings.Add(new Finding(RuleCatalog.Get(ruleId), property, Format(value), message));

    public void RequireDnsLabel(string property, string? value, string what)
    {
        if (string.IsNullOrEmpty(value))
        {
            Error(property, value, $"{what} is empty.", $"Set {property} to a namespace name such as 'argo-workflows'.");
        }
        else if (!Names.IsDnsLabel(value))
        {
            Error(property, value, $"{what} is not a valid Kubernetes namespace name (DNS-1123 label: at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit).",
                $"Rename it, for example '{Suggest(value)}'.");
        }
    }

    public void RequireDnsSubdomain(string property, string? value, string what)
    {
        if (string.IsNullOrEmpty(value))
        {
            Error(property, value, $"{what} is empty.", $"Set {property}.");
        }
        else if (!Names.IsDnsSubdomain(value))
        {
            Error(property, value, $"{what} is not a valid Kubernetes object name (DNS-1123 subdomain: lower-case letters, digits, '-' and '.').",
                $"Rename it, for example '{Suggest(value)}'.");
        }
    }

    public void CheckSecretReference(string property, SecretKeyReference? reference, string what)
    {
        if (reference is null)
        {
            Error(property, null, $"{what} is missing.", $"Set {property} to a Secret name and key.");
            return;
        }

        RequireDnsSubdomain(property + ".Name", reference.Name, $"The Secret of {what}");
        if (string.IsNullOrWhiteSpace(reference.Key))
        {
            Error(property + ".Key", reference.Key, $"The Secret key of {what} is empty.", $"Set {property}.Key to the key that holds the value.");
        }

        if (reference.LiteralValue is not null)
        {
            Report(RuleCatalog.LiteralCredential, property + ".LiteralValue", "(literal)",
                $"{property}.LiteralValue writes {what} as a literal into the manifests and state; create Secret '{reference.Name}' elsewhere and leave LiteralValue unset.");
        }
    }

    public void CheckEgress(string property, IReadOnlyList<EgressTarget>? targets)
    {
        if (targets is null)
        {
            return;
        }

        for (var i = 0; i < targets.Count; i++)
        {
            var target = targets[i];
            var path = $"{property}[{i}]";
            if (target is null)
            {
                Error(path, null, "The egress target is empty.", "Remove it or set Port (and Cidr).");
                continue;
            }

            if (target.Cidr is not null && !Names.IsCidr(target.Cidr))
            {
                Error(path + ".Cidr", target.Cidr, "The CIDR is not valid.", "Write an address range such as '10.0.0.0/16', or leave Cidr unset for any address.");
            }

            CheckPort(path + ".Port", target.Port);
        }
    }

    public void CheckPort(string property, int port)
    {
        if (port is < 1 or > 65535)
        {
            Error(property, port, "The port is out of range.", "Use a TCP port between 1 and 65535.");
        }
    }

    public void CheckAcceptedRisks(string property, IReadOnlyList<AcceptedRisk>? risks)
    {
        if (risks is null)
        {
            return;
        }

        for (var i = 0; i < risks.Count; i++)
        {
            var risk = risks[i];
            var path = $"{property}[{i}]";
            if (risk is null || !RuleCatalog.TryGet(risk.RuleId ?? "", out _))
            {
                Error(path + ".RuleId", risk?.RuleId, "This is not an ArgoSecure rule ID.", "Use an ID of the rule table, for example 'ARGO0004' (argosecure rules lists them).");
            }
            else if (string.IsNullOrWhiteSpace(risk.Justification))
            {
                Error(path + ".Justification", risk.Justification, $"Accepting {risk.RuleId} needs a justification.", "Say why the risk is acceptable here; it is kept with the finding.");
            }
        }
    }

    /// <summary>The result, with findings accepted by any of <paramref name="acceptedRisks"/>.</summary>
    public ValidationResult ToResult(IEnumerable<AcceptedRisk?> acceptedRisks)
    {
        var accepted = new Dictionary<string, AcceptedRisk>(StringComparer.Ordinal);
        foreach (var risk in acceptedRisks)
        {
            if (risk is not null && !string.IsNullOrWhiteSpace(risk.Justification) && risk.RuleId is not null)
            {
                accepted.TryAdd(risk.RuleId, risk);
            }
        }

        var findings = _findings
            .Select(f => accepted.TryGetValue(f.RuleId, out var risk) ? f.Accept(risk) : f)
            .OrderBy(f => f.RuleId, StringComparer.Ordinal)
            .ThenBy(f => f.Property, StringComparer.Ordinal)
            .ToList();
        return new ValidationResult(_errors.ToList(), findings);
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        System.Collections.IEnumerable e and not string => "[" + string.Join(", ", e.Cast<object?>().Select(Format)) + "]",
        _ => value.ToString(),
    };

    private static string Suggest(string value)
    {
        var chars = value.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        var suggestion = new string(chars).Trim('-');
        if (suggestion.Length > 63)
        {
            suggestion = suggestion[..63].TrimEnd('-');
        }

        return suggestion.Length == 0 ? "argo-workflows" : suggestion;
    }
}
