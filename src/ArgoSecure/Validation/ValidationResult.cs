namespace ArgoSecure.Validation;

/// <summary>Everything validation found in one set of Args.</summary>
public sealed class ValidationResult
{
    /// <summary>Creates a result.</summary>
    public ValidationResult(IReadOnlyList<InputError> inputErrors, IReadOnlyList<Finding> findings)
    {
        InputErrors = inputErrors;
        Findings = findings;
    }

    /// <summary>Values that are not valid at all.</summary>
    public IReadOnlyList<InputError> InputErrors { get; }

    /// <summary>Insecure choices, accepted or not.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>True when nothing stops planning.</summary>
    public bool IsValid => InputErrors.Count == 0 && !Findings.Any(f => f.IsBlocking);

    /// <summary>The findings that stop planning.</summary>
    public IEnumerable<Finding> BlockingFindings => Findings.Where(f => f.IsBlocking);

    /// <summary>Throws <see cref="ArgoSecureValidationException"/> when anything stops planning.</summary>
    public void ThrowIfInvalid()
    {
        if (!IsValid)
        {
            throw new ArgoSecureValidationException(this);
        }
    }
}

/// <summary>Args that ArgoSecure refuses to plan: lists every input error and every blocking finding.</summary>
public sealed class ArgoSecureValidationException : Exception
{
    /// <summary>Creates the exception from a validation result.</summary>
    public ArgoSecureValidationException(ValidationResult result)
        : base(Describe(result))
    {
        Result = result;
    }

    /// <summary>Creates the exception with a message.</summary>
    public ArgoSecureValidationException()
        : this(new ValidationResult([], []))
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ArgoSecureValidationException(string message)
        : base(message)
    {
        Result = new ValidationResult([], []);
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public ArgoSecureValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Result = new ValidationResult([], []);
    }

    /// <summary>What validation found.</summary>
    public ValidationResult Result { get; }

    private static string Describe(ValidationResult result)
    {
        var lines = new List<string>();
        lines.AddRange(result.InputErrors.Select(e => e.ToString()));
        lines.AddRange(result.BlockingFindings.Select(f => f.ToString()));
        var count = lines.Count;
        lines.Insert(0, $"ArgoSecure refused the Args ({count} problem{(count == 1 ? "" : "s")}; accept a rule's risk with AcceptedRisks where it is deliberate):");
        return string.Join(Environment.NewLine + "  ", lines);
    }
}
