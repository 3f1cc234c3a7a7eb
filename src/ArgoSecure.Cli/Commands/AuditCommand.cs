using System.CommandLine;
using ArgoSecure.Audit;
using ArgoSecure.Releases;
using ArgoSecure.Rules;

namespace ArgoSecure.Cli.Commands;

/// <summary><c>argosecure audit</c>: existing manifests and Helm values against the rule catalogue.</summary>
internal static class AuditCommand
{
    private const string Description = """
        Audit existing Argo Workflows manifests (and values of the argo-workflows Helm chart) against the ArgoSecure rules.

        PATH is a YAML or JSON file (multi-document, kubectl 'kind: List', 'kustomize build' or 'helm template' output), a
        folder, or '-' for standard input (kubectl get ... -o yaml | argosecure audit -; see docs/audit.md, "Running
        cluster"). Folders are read recursively, and only their *.yaml, *.yml and *.json files (other files are listed as not
        read); a folder with a kustomization.yaml is built with the real kustomize ('kustomize build', else 'kubectl
        kustomize'; --kustomize chooses), findings pointing at the source lines, or else with a built-in subset (resources,
        components, patches, namespace, images) that says in the notes that it was used. The audit rebuilds the installation
        (controller and server flags and ARGO_* env, the ConfigMaps they read, RBAC, NetworkPolicies, Namespaces, Workflows, CronWorkflows, WorkflowTemplates,
        ClusterWorkflowTemplates) and reports each insecure choice with its rule ID, file and line, object and help link.

        Accept a risk on one object with the annotation argosecure.io/accept-ARGO00NN: "<why>"; accepted findings are
        still reported (as accepted, or as suppressed in SARIF) and never fail the run.

        Every input is read under limits (file size, total size, nesting depth, documents per file, YAML values,
        Kubernetes objects, and Kubernetes' own rule against alias bombs); the --max-* options raise them for large
        honest inputs. A folder's files are read once each whatever links lead to them; a link cycle is noted, not
        followed. An input that cannot be read or goes beyond a limit is left out whole and named on standard error
        with the limit and the option that raises it; the other inputs are still audited and reported.

        Exit codes: 0 nothing at or above --fail-on, 1 a finding at or above --fail-on, 2 an input could not be read,
        was refused, or an option value is not valid (the message names the file or value and the fix). What was not
        read (other files in folders, resources a kustomization lists but that are absent, patches that match nothing)
        is listed on standard error as notes, and in the JSON output.
        """;

    public static Command Create(Func<Stream> standardInput)
    {
        var paths = new Argument<string[]>("PATH") { Description = "Manifest files or folders to audit; '-' reads standard input.", Arity = ArgumentArity.ZeroOrMore };
        var helmValues = new Option<string?>("--helm-values")
        {
            Description = $"A values file of the argo-workflows Helm chart, read against the chart's defaults: those of {HelmChartValues.KnownCharts}, alike where the rules look. No chart ships Argo "
                + string.Join(", ", ArgoReleases.All.Where(r => r.HelmCharts is null).Select(r => r.Line)) + ".",
        };
        var argoVersion = new Option<string?>("--argo-version")
        {
            Description = $"The Argo Workflows release the inputs run (a tag of {ReleaseTag.SupportedLinesText}), whose defaults apply to settings they leave out. Default: the tag of each install's controller (else server) image; the newest line when it is not a release.",
        };
        var format = new Option<string>("--format") { Description = "Output format: text (default), json or sarif (SARIF 2.1.0, for GitHub code scanning).", DefaultValueFactory = _ => "text" };
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to this file instead of standard output." };
        var failOn = new Option<string>("--fail-on") { Description = "Exit 1 when an unaccepted finding is at or above this severity: error, warning (default), info or none.", DefaultValueFactory = _ => "warning" };

        var kustomize = new Option<string>("--kustomize")
        {
            Description = "Which kustomize builds kustomization folders: auto (default: 'kustomize build' if on the PATH, else 'kubectl kustomize', else the built-in subset), kustomize, kubectl or builtin.",
            DefaultValueFactory = _ => "auto",
        };
        var kustomizeTimeout = new Option<int>("--kustomize-timeout")
        {
            Description = $"Seconds one kustomize build may run before it is stopped and its folder refused (default {KustomizeChoice.Default.Timeout.TotalSeconds}).",
            DefaultValueFactory = _ => (int)KustomizeChoice.Default.Timeout.TotalSeconds,
        };
        var limitOptions = new LimitOptions();

        var command = new Command("audit", Description);
        command.Arguments.Add(paths);
        command.Options.Add(helmValues);
        command.Options.Add(argoVersion);
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(failOn);
        command.Options.Add(kustomize);
        command.Options.Add(kustomizeTimeout);
        limitOptions.AddTo(command);
        command.SetAction(parseResult =>
        {
            var stdout = parseResult.InvocationConfiguration.Output;
            var stderr = parseResult.InvocationConfiguration.Error;
            var inputs = parseResult.GetValue(paths) ?? [];
            var values = parseResult.GetValue(helmValues);
            if (inputs.Length == 0 && values is null)
            {
                stderr.WriteLine("audit: give at least one PATH (a manifest file or folder) or --helm-values FILE. See 'argosecure audit --help'.");
                return 2;
            }

            var chosen = parseResult.GetValue(format) ?? "text";
            if (chosen is not ("text" or "json" or "sarif"))
            {
                stderr.WriteLine($"audit: --format '{chosen}' is not a format. Fix: use text, json or sarif.");
                return 2;
            }

            var failOnValue = parseResult.GetValue(failOn) ?? "warning";
            if (failOnValue is not ("error" or "warning" or "info" or "none"))
            {
                stderr.WriteLine($"audit: --fail-on '{failOnValue}' is not a severity. Fix: use error, warning, info or none.");
                return 2;
            }

            var version = parseResult.GetValue(argoVersion);
            if (version is not null && ArgoReleases.TagOf(version) is not { IsSupported: true })
            {
                stderr.WriteLine($"audit: --argo-version '{version}' is not a release of a line ArgoSecure supports ({ReleaseTag.SupportedLinesText}). Fix: give a release tag such as '{ArgoReleases.Newest.ReferenceTag}'.");
                return 2;
            }

            var kustomizeValue = parseResult.GetValue(kustomize) ?? "auto";
            if (!Enum.TryParse<KustomizeMode>(kustomizeValue, ignoreCase: true, out var mode) || !kustomizeValue.All(char.IsAsciiLetterLower))
            {
                stderr.WriteLine($"audit: --kustomize '{kustomizeValue}' is not a choice. Fix: use auto, kustomize, kubectl or builtin.");
                return 2;
            }

            var seconds = parseResult.GetValue(kustomizeTimeout);
            if (seconds < 1)
            {
                stderr.WriteLine($"audit: --kustomize-timeout '{seconds}' is not valid. Fix: give a number of seconds, 1 or more.");
                return 2;
            }

            if (limitOptions.Read(parseResult, "audit", stderr) is not { } limits)
            {
                return 2;
            }

            var report = AuditEngine.Audit(inputs, values, limits, standardInput, new KustomizeChoice(mode, TimeSpan.FromSeconds(seconds)), version);

            // When every input was refused there is nothing to report; otherwise the others are reported in full.
            var nothingRead = report.Refused.Count > 0 && report.ObjectCount == 0 && report.Findings.Count == 0;
            var file = parseResult.GetValue(output);
            try
            {
                if (!nothingRead)
                {
                    Write(report, chosen, file, stdout);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"audit: cannot write {file}: {e.Message} Fix: choose a writable --output path.");
                return 2;
            }

            foreach (var note in report.Notes)
            {
                stderr.WriteLine("note: " + note);
            }

            foreach (var refusal in report.Refused)
            {
                // Each reason names the limit it went beyond; each fix names the option that raises it.
                stderr.WriteLine($"audit: {(refusal.Limit is null ? "cannot read" : "refused")} {refusal.Input}: {refusal.Reason} Fix: {refusal.Fix}");
            }

            if (report.Refused.Count > 0)
            {
                stderr.WriteLine($"audit: {report.Refused.Count} input{(report.Refused.Count == 1 ? " was" : "s were")} left out; {(nothingRead ? "nothing was audited" : "the report covers the others")}.");
                return 2;
            }

            var threshold = failOnValue switch
            {
                "error" => RuleSeverity.Error,
                "info" => RuleSeverity.Info,
                "none" => (RuleSeverity?)null,
                _ => RuleSeverity.Warning,
            };
            return report.Fails(threshold) ? 1 : 0;
        });
        return command;
    }

    private static void Write(AuditReport report, string format, string? file, TextWriter stdout)
    {
        if (format == "text")
        {
            if (file is null)
            {
                var colour = ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
                TextReportWriter.Write(report, stdout, colour);
            }
            else
            {
                using var writer = new StreamWriter(file);
                TextReportWriter.Write(report, writer, colour: false);
            }

            return;
        }

        using var buffer = new MemoryStream();
        if (format == "json")
        {
            JsonReportWriter.Write(report, buffer);
        }
        else
        {
            SarifReportWriter.Write(report, buffer);
        }

        if (file is null)
        {
            stdout.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        }
        else
        {
            File.WriteAllBytes(file, buffer.ToArray());
        }
    }
}
