using System.Globalization;

namespace ArgoSecure.Input;

/// <summary>
/// How much any reader of ArgoSecure (manifests, folders, Helm values, options files, embedded YAML) accepts before it
/// refuses an input. The defaults fit every upstream Argo manifest many times over and keep one run of the audit well
/// under 500 MB; each limit but the alias rule has a command-line option to raise it for large honest inputs.
/// </summary>
public sealed record ReadingLimits
{
    /// <summary>The highest <see cref="MaxDepth"/> an option may set: deeper trees would overflow the readers' stacks.</summary>
    public const int DepthCeiling = 1000;

    /// <summary>The defaults (documented in docs/audit.md).</summary>
    public static ReadingLimits Default { get; } = new();

    /// <summary>Bytes in one file (or standard input). Default 16 MiB.</summary>
    public long MaxFileBytes { get; init; } = 16L * 1024 * 1024;

    /// <summary>Bytes over every input of one run. Default 64 MiB.</summary>
    public long MaxTotalBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Nesting of mappings and lists in one document, aliases expanded. Default 100 (upstream CRDs: 36).</summary>
    public int MaxDepth { get; init; } = 100;

    /// <summary>YAML documents in one file. Default 10,000.</summary>
    public int MaxDocuments { get; init; } = 10_000;

    /// <summary>YAML values (mappings, lists, scalars) over every input, aliases expanded. Default 1,000,000 (20,000 objects of 50).</summary>
    public long MaxNodes { get; init; } = 1_000_000;

    /// <summary>Kubernetes objects over every input. Default 20,000.</summary>
    public int MaxObjects { get; init; } = 20_000;

    /// <summary>The command-line option that raises each limit (the alias rule has none).</summary>
    public static class Options
    {
        /// <summary>Raises <see cref="MaxFileBytes"/>.</summary>
        public const string FileSize = "--max-file-size";

        /// <summary>Raises <see cref="MaxTotalBytes"/>.</summary>
        public const string TotalSize = "--max-total-size";

        /// <summary>Raises <see cref="MaxDepth"/>.</summary>
        public const string Depth = "--max-depth";

        /// <summary>Raises <see cref="MaxDocuments"/>.</summary>
        public const string Documents = "--max-documents";

        /// <summary>Raises <see cref="MaxNodes"/>.</summary>
        public const string Nodes = "--max-nodes";

        /// <summary>Raises <see cref="MaxObjects"/>.</summary>
        public const string Objects = "--max-objects";
    }

    /// <summary>Reads a size such as <c>16MiB</c>, <c>512KiB</c>, <c>1GiB</c> or a number of bytes; null when it is not one.</summary>
    public static long? ParseSize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        (string Suffix, long Factor)[] units = [("GiB", 1L << 30), ("MiB", 1L << 20), ("KiB", 1L << 10), ("G", 1L << 30), ("M", 1L << 20), ("K", 1L << 10), ("B", 1)];
        var factor = 1L;
        foreach (var (suffix, value) in units)
        {
            if (trimmed.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                factor = value;
                trimmed = trimmed[..^suffix.Length].TrimEnd();
                break;
            }
        }

        return long.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0 && number <= long.MaxValue / factor
            ? number * factor
            : null;
    }

    /// <summary>A size for people: <c>16 MiB</c>, <c>300 KiB</c>, <c>12 bytes</c>.</summary>
    public static string FormatSize(long bytes) => bytes switch
    {
        >= 1L << 30 => string.Format(CultureInfo.InvariantCulture, "{0:0.#} GiB", bytes / (double)(1L << 30)),
        >= 1L << 20 => string.Format(CultureInfo.InvariantCulture, "{0:0.#} MiB", bytes / (double)(1L << 20)),
        >= 1L << 10 => string.Format(CultureInfo.InvariantCulture, "{0:0.#} KiB", bytes / (double)(1L << 10)),
        _ => $"{bytes} bytes",
    };
}
