namespace ArgoSecure.Input;

/// <summary>
/// An input refused because it goes beyond a <see cref="ReadingLimits"/> limit: names the input, the limit and the option
/// that raises it. Nothing of a refused input is used.
/// </summary>
public sealed class InputLimitException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InputLimitException(string input, string limit, string reason, string fix)
        : base($"{input}: refused: {reason} Fix: {fix}")
    {
        Input = input;
        Limit = limit;
        Reason = reason;
        Fix = fix;
    }

    /// <summary>Creates the exception.</summary>
    public InputLimitException()
        : this("input", "limit", "the input is beyond a reading limit.", "Raise the limit.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public InputLimitException(string message)
        : this("input", "limit", message, "Raise the limit.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public InputLimitException(string message, Exception innerException)
        : base(message, innerException)
    {
        Input = "input";
        Limit = "limit";
        Reason = message;
        Fix = "Raise the limit.";
    }

    /// <summary>The file (or <c>standard input</c>), with the line where that helps.</summary>
    public string Input { get; }

    /// <summary>The limit's name: <c>file size</c>, <c>total size</c>, <c>nesting depth</c>, <c>documents</c>, <c>YAML values</c>, <c>objects</c> or <c>alias expansion</c>.</summary>
    public string Limit { get; }

    /// <summary>What is beyond the limit, with the figures.</summary>
    public string Reason { get; }

    /// <summary>How to get the input read: the option that raises the limit, or what to change in the input.</summary>
    public string Fix { get; }
}
