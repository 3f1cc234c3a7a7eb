namespace ArgoSecure.Analyzers.Tests.Meta;

/// <summary>Finds the repository root by walking up to ArgoSecure.Pulumi.sln.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ArgoSecure.Pulumi.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ArgoSecure.Pulumi.sln not found above " + AppContext.BaseDirectory);
    }
}
