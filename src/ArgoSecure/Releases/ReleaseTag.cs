// This file is compiled into ArgoSecure (net8.0) and linked into ArgoSecure.Analyzers (netstandard2.0), so the
// validator and the analyzers read a tag and the supported lines alike. Keep it to language features both targets have.
using System;

namespace ArgoSecure.Releases;

/// <summary>A pinned Argo Workflows release tag (<c>v4.1.2</c> or <c>4.1.2</c>), and the release lines ArgoSecure supports.</summary>
#if ARGOSECURE_ANALYZERS
internal
#else
public
#endif
sealed class ReleaseTag
{
    private ReleaseTag(int major, int minor, int patch)
    {
        Major = major;
        Minor = minor;
        Patch = patch;
    }

    /// <summary>The release lines ArgoSecure knows the facts of, oldest first. <c>ArgoReleases.All</c> has one entry per line.</summary>
    public static string[] SupportedLines => new[] { "3.7", "4.0", "4.1" };

    /// <summary>The supported lines for messages: <c>3.7, 4.0 and 4.1</c>.</summary>
    public static string SupportedLinesText
    {
        get
        {
            var lines = SupportedLines;
            return string.Join(", ", lines, 0, lines.Length - 1) + " and " + lines[lines.Length - 1];
        }
    }

    /// <summary>The major version.</summary>
    public int Major { get; }

    /// <summary>The minor version.</summary>
    public int Minor { get; }

    /// <summary>The patch version.</summary>
    public int Patch { get; }

    /// <summary>The release line, <c>major.minor</c>.</summary>
    public string Line => Major.ToString(System.Globalization.CultureInfo.InvariantCulture) + "." + Minor.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>True when the tag's line is one ArgoSecure supports.</summary>
    public bool IsSupported => Array.IndexOf(SupportedLines, Line) >= 0;

    /// <summary>Reads a release tag; false for anything else (<c>latest</c>, <c>v4.1</c>, <c>v4.1.2-rc1</c>).</summary>
    public static bool TryParse(string? version, out ReleaseTag? tag)
    {
        tag = null;
        if (version is null)
        {
            return false;
        }

        var v = version.Length > 0 && version[0] == 'v' ? version.Substring(1) : version;
        var parts = v.Split('.');
        if (parts.Length != 3)
        {
            return false;
        }

        var numbers = new int[3];
        for (var i = 0; i < 3; i++)
        {
            if (parts[i].Length is 0 or > 6)
            {
                return false;
            }

            foreach (var c in parts[i])
            {
                if (c is < '0' or > '9')
                {
                    return false;
                }
            }

            numbers[i] = int.Parse(parts[i], System.Globalization.CultureInfo.InvariantCulture);
        }

        tag = new ReleaseTag(numbers[0], numbers[1], numbers[2]);
        return true;
    }

    /// <summary>True for a release tag in a line ArgoSecure does not support (<c>v3.6.5</c>, <c>v4.2.0</c>).</summary>
    public static bool IsUnsupportedRelease(string? version) => TryParse(version, out var tag) && !tag!.IsSupported;

    /// <summary>Orders tags by major, minor, patch.</summary>
    public int CompareTo(ReleaseTag other)
    {
        if (other is null)
        {
            return 1;
        }

        return Major != other.Major ? Major.CompareTo(other.Major) : Minor != other.Minor ? Minor.CompareTo(other.Minor) : Patch.CompareTo(other.Patch);
    }

    /// <summary>The tag as <c>vMAJOR.MINOR.PATCH</c>.</summary>
    public override string ToString() => "v" + Line + "." + Patch.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
