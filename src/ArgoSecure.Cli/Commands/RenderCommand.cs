using System.CommandLine;

namespace ArgoSecure.Cli.Commands;

/// <summary><c>argosecure render</c>: options file to manifests.</summary>
internal static class RenderCommand
{
    public static Command Create()
    {
        var command = new Command("render", "Render the hardened install described by an options file.");
        command.SetAction(parseResult =>
        {
            parseResult.InvocationConfiguration.Error.WriteLine("render: not built yet");
            return 1;
        });
        return command;
    }
}
