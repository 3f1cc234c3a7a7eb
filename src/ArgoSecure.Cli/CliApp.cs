namespace ArgoSecure.Cli;

/// <summary>The argosecure command line.</summary>
internal static class CliApp
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        _ = args;
        _ = output;
        error.WriteLine("argosecure: not built yet");
        return 1;
    }
}
