namespace ArgoSecure.Cli.Tests;

/// <summary>Runs the argosecure command line in-process and captures its output.</summary>
internal static class CliRunner
{
    public static (int ExitCode, string Output, string Error) Run(params string[] args) => RunWithInput(null, args);

    /// <summary>Runs with <paramref name="standardInput"/> as standard input (null: none read).</summary>
    public static (int ExitCode, string Output, string Error) RunWithInput(string? standardInput, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliApp.Run(args, output, error, () => standardInput is null
            ? throw new InvalidOperationException("the test gives no standard input")
            : new MemoryStream(System.Text.Encoding.UTF8.GetBytes(standardInput)));
        return (code, output.ToString(), error.ToString());
    }

    public static string RepositoryRoot { get; } = FindRoot();

    public static string Sample(string name) => Path.Combine(RepositoryRoot, "samples", "options", name);

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ArgoSecure.Pulumi.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
