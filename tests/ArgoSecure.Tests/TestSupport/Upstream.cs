namespace ArgoSecure.Tests.TestSupport;

/// <summary>
/// Finds the upstream Argo data files (manifests, Helm chart) that tests read as real inputs.
/// One setting: the ARGOSECURE_UPSTREAM environment variable, else ../shared/upstream beside the repository.
/// Tests that need them call <see cref="RequireDirectory"/>, which skips visibly where the folder is absent.
/// </summary>
public static class Upstream
{
    /// <summary>The environment variable that points at the upstream folder.</summary>
    public const string EnvironmentVariable = "ARGOSECURE_UPSTREAM";

    /// <summary>The upstream folder, or null when it is not there.</summary>
    public static string? Root { get; } = Locate();

    /// <summary>The repository root (the folder holding ArgoSecure.Pulumi.sln).</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>A path inside the upstream folder; skips the calling test when the folder is absent.</summary>
    public static string RequireDirectory(params string[] relative)
    {
        Skip.If(Root is null, $"Upstream Argo files not found: set {EnvironmentVariable} or place shared/upstream beside the repository.");
        var path = Path.Combine([Root!, .. relative]);
        Skip.IfNot(Directory.Exists(path) || File.Exists(path), $"Upstream path not found: {path}");
        return path;
    }

    /// <summary>
    /// A file of the upstream data of a release line kept in the repository (tests/upstream, see its README): always
    /// there, so these tests run offline from a clean clone.
    /// </summary>
    public static string InRepository(params string[] relative)
    {
        var path = Path.Combine([RepositoryRoot, "tests", "upstream", .. relative]);
        Assert.True(File.Exists(path) || Directory.Exists(path), $"Test data missing from the repository: {path}");
        return path;
    }

    private static string? Locate()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(configured))
        {
            return Directory.Exists(configured) ? Path.GetFullPath(configured) : null;
        }

        var candidate = Path.GetFullPath(Path.Combine(FindRepositoryRoot(), "..", "shared", "upstream"));
        return Directory.Exists(candidate) ? candidate : null;
    }

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ArgoSecure.Pulumi.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("ArgoSecure.Pulumi.sln not found above " + AppContext.BaseDirectory);
    }
}
