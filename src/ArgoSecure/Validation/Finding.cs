using ArgoSecure.Rules;

namespace ArgoSecure.Validation;

/// <summary>One insecure choice found in Args, with the rule it breaks.</summary>
public sealed class Finding
{
    /// <summary>Creates a finding.</summary>
    public Finding(Rule rule, string property, string? value, string message, AcceptedRisk? acceptance = null)
    {
        Rule = rule;
        Property = property;
        Value = value;
        Message = message;
        Acceptance = acceptance;
    }

    /// <summary>The rule broken.</summary>
    public Rule Rule { get; }

    /// <summary>The rule ID.</summary>
    public string RuleId => Rule.Id;

    /// <summary>The rule's severity.</summary>
    public RuleSeverity Severity => Rule.Severity;

    /// <summary>The Args property, as a path (for example <c>Server.AuthModes</c>).</summary>
    public string Property { get; }

    /// <summary>The offending value, as text.</summary>
    public string? Value { get; }

    /// <summary>What is wrong and how to fix it.</summary>
    public string Message { get; }

    /// <summary>The rule's documentation page.</summary>
    public string HelpUri => Rule.HelpUri;

    /// <summary>The accepted risk that silences this finding, if any.</summary>
    public AcceptedRisk? Acceptance { get; }

    /// <summary>True when the user accepted this risk.</summary>
    public bool IsAccepted => Acceptance is not null;

    /// <summary>True when this finding stops planning: an error-level rule not accepted.</summary>
    public bool IsBlocking => Severity == RuleSeverity.Error && !IsAccepted;

    /// <summary>The same finding, accepted.</summary>
    public Finding Accept(AcceptedRisk risk) => new(Rule, Property, Value, Message, risk);

    /// <inheritdoc/>
    public override string ToString()
    {
        var severity = Severity.ToString().ToLowerInvariant();
        var accepted = IsAccepted ? $" (accepted: {Acceptance!.Justification})" : "";
        return $"{severity} {RuleId}: {Message}{accepted} [{HelpUri}]";
    }
}

/// <summary>An Args value that is not valid at all (a bad name, a missing required value): always an error.</summary>
public sealed class InputError
{
    /// <summary>Creates an input error.</summary>
    public InputError(string property, string? value, string message, string fix)
    {
        Property = property;
        Value = value;
        Message = message;
        Fix = fix;
    }

    /// <summary>The Args property, as a path.</summary>
    public string Property { get; }

    /// <summary>The value given, as text.</summary>
    public string? Value { get; }

    /// <summary>What is wrong.</summary>
    public string Message { get; }

    /// <summary>How to fix it.</summary>
    public string Fix { get; }

    /// <inheritdoc/>
    public override string ToString()
    {
        var value = Value is null ? "" : $" = '{Value}'";
        return $"error: {Property}{value}: {Message} Fix: {Fix}";
    }
}
