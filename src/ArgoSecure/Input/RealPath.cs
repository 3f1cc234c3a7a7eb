namespace ArgoSecure.Input;

/// <summary>
/// The path of a file or folder with every symbolic link on the way resolved (what <c>realpath</c> prints), so that
/// readers can tell when two paths are one file and when a folder link leads back into a folder being read.
/// </summary>
public static class RealPath
{
    // Linux's own bound on links followed while resolving one path (ELOOP).
    private const int MaxLinks = 40;

    private static readonly char[] Separators = [Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar];

    /// <summary>Resolves a path; throws <see cref="IOException"/> after 40 links (a loop of links).</summary>
    public static string Of(string path)
    {
        var links = 0;
        return Resolve(Path.GetFullPath(path), ref links);
    }

    /// <summary>The real path of an entry of a folder whose real path is known: one look at the entry itself.</summary>
    public static string Child(string realFolder, string entryPath)
    {
        var entry = Path.Combine(realFolder, Path.GetFileName(entryPath));
        return IsLink(entryPath) ? Of(entryPath) : entry;
    }

    /// <summary>True when the path itself is a symbolic link (or a junction).</summary>
    public static bool IsLink(string path)
    {
        try
        {
            return (File.GetAttributes(path) & FileAttributes.ReparsePoint) != 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string Resolve(string full, ref int links)
    {
        var root = Path.GetPathRoot(full) ?? "";
        var current = root;
        foreach (var part in full[root.Length..].Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            var target = IsLink(next) ? (Directory.Exists(next) ? new DirectoryInfo(next) : (FileSystemInfo)new FileInfo(next)).LinkTarget : null;
            if (target is null)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                throw new IOException($"too many levels of symbolic links at {next}");
            }

            current = Resolve(Path.GetFullPath(target, current), ref links);
        }

        return current;
    }
}
