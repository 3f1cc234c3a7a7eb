namespace ArgoSecure.Audit;

/// <summary>An input left out of the audit, whole: it cannot be read, or it goes beyond a reading limit.</summary>
/// <param name="Input">The file (with a line where that helps).</param>
/// <param name="Reason">What is wrong, with the figures.</param>
/// <param name="Fix">How to get it read: the option that raises the limit, or what to change.</param>
/// <param name="Limit">The limit it goes beyond (<c>file size</c>, <c>nesting depth</c>...), or null when it cannot be read.</param>
/// <param name="Exception">The exception that refused it.</param>
public sealed record InputRefusal(string Input, string Reason, string Fix, string? Limit, Exception Exception)
{
    /// <summary>The refusal an exception of a reader stands for, or null when it is not a reader's refusal.</summary>
    public static InputRefusal? From(Exception exception, string path) => exception switch
    {
        AuditInputException e => new InputRefusal(e.Input.Length > 0 ? e.Input : ManifestLoader.DisplayPath(path), e.Reason, e.Fix, null, e),
        Input.InputLimitException e => new InputRefusal(e.Input, e.Reason, e.Fix, e.Limit, e),
        IOException or UnauthorizedAccessException => new InputRefusal(ManifestLoader.DisplayPath(path), $"cannot be read ({exception.Message}).", "Check the path, its permissions and its links.", null, exception),
        _ => null,
    };

    /// <inheritdoc/>
    public override string ToString() => $"{Input}: {(Limit is null ? "cannot be read" : "refused")}: {Reason} Fix: {Fix}";
}
