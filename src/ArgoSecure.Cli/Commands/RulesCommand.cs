using System.CommandLine;
using ArgoSecure.Rules;

namespace ArgoSecure.Cli.Commands;

/// <summary><c>argosecure rules</c>: the rule catalogue.</summary>
internal static class RulesCommand
{
    public static Command Create()
    {
        var command = new Command("rules", "List every ArgoSecure rule: ID, severity, title and help link.");
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            foreach (var rule in RuleCatalog.All)
            {
                output.WriteLine($"{rule.Id}  {rule.Severity,-7}  {rule.Title}");
                output.WriteLine($"          {rule.HelpUri}");
            }

            return 0;
        });
        return command;
    }
}
