namespace ArgoSecure.Analyzers;

/// <summary>What a pinned Argo release tag looks like (<c>v4.1.2</c> or <c>4.1.2</c>), as the validator decides.</summary>
internal static class ReleaseTags
{
    public static bool IsReleaseTag(string version)
    {
        var v = version.StartsWith("v", System.StringComparison.Ordinal) ? version.Substring(1) : version;
        var parts = v.Split('.');
        if (parts.Length != 3)
        {
            return false;
        }

        foreach (var part in parts)
        {
            if (part.Length == 0)
            {
                return false;
            }

            foreach (var c in part)
            {
                if (c is < '0' or > '9')
                {
                    return false;
                }
            }
        }

        return true;
    }
}
