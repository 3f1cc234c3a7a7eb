namespace ArgoSecure.Options;

/// <summary>An options file that cannot be read or bound: lists every problem with its file, line and key.</summary>
public sealed class OptionsException : Exception
{
    /// <summary>Creates the exception from its problems.</summary>
    public OptionsException(string source, IReadOnlyList<string> problems)
        : base($"{source}: {problems.Count} problem{(problems.Count == 1 ? "" : "s")} in the options file:" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", problems))
    {
        Source = source;
        Problems = problems;
    }

    /// <summary>Creates the exception.</summary>
    public OptionsException()
        : this("options", [])
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public OptionsException(string message)
        : base(message)
    {
        Problems = [message];
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public OptionsException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    /// <summary>Each problem: where it is, what is wrong, how to fix it.</summary>
    public IReadOnlyList<string> Problems { get; }
}
