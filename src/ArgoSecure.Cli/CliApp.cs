using System.CommandLine;
using ArgoSecure.Cli.Commands;

namespace ArgoSecure.Cli;

/// <summary>The argosecure command line: one root command, one class per subcommand.</summary>
internal static class CliApp
{
    public static RootCommand CreateRootCommand(Func<Stream>? standardInput = null)
    {
        var root = new RootCommand("argosecure: render a hardened Argo Workflows install, and audit existing Argo manifests.");
        root.Subcommands.Add(RenderCommand.Create());
        root.Subcommands.Add(RulesCommand.Create());
        root.Subcommands.Add(AuditCommand.Create(standardInput ?? Console.OpenStandardInput));
        return root;
    }

    public static int Run(string[] args, TextWriter output, TextWriter error, Func<Stream>? standardInput = null)
    {
        var parseResult = CreateRootCommand(standardInput).Parse(args);
        return parseResult.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}
