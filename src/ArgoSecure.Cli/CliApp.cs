using System.CommandLine;
using ArgoSecure.Cli.Commands;

namespace ArgoSecure.Cli;

/// <summary>The argosecure command line: one root command, one class per subcommand.</summary>
internal static class CliApp
{
    public static RootCommand CreateRootCommand()
    {
        var root = new RootCommand("argosecure: render a hardened Argo Workflows install, and audit existing Argo manifests.");
        root.Subcommands.Add(RenderCommand.Create());
        root.Subcommands.Add(RulesCommand.Create());
        root.Subcommands.Add(AuditCommand.Create());
        return root;
    }

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var parseResult = CreateRootCommand().Parse(args);
        return parseResult.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}
