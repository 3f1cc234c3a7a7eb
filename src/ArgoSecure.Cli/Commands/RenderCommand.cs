using System.CommandLine;
using ArgoSecure.Input;
using ArgoSecure.Options;
using ArgoSecure.Planning;
using ArgoSecure.Rendering;
using ArgoSecure.Validation;

namespace ArgoSecure.Cli.Commands;

/// <summary><c>argosecure render</c>: an options file to the manifests of a hardened install.</summary>
internal static class RenderCommand
{
    /// <summary>Exit code when the options are insecure or invalid.</summary>
    public const int ValidationFailed = 1;

    /// <summary>Exit code when the options file or the output cannot be read or written.</summary>
    public const int InputError = 2;

    public static Command Create()
    {
        var optionsFile = new Argument<FileInfo>("options")
        {
            Description = "The options file (YAML or JSON) describing the install: controller, server, workflowNamespaces, acceptedRisks.",
        };
        var outputDirectory = new Option<DirectoryInfo?>("--output-dir", "-o")
        {
            Description = "Write one file per object into this directory (it must be empty, or use --force) instead of standard output.",
        };
        var force = new Option<bool>("--force")
        {
            Description = "With --output-dir: replace the .yaml files already in the directory.",
        };

        var argoVersion = new Option<string?>("--argo-version")
        {
            Description = $"The Argo Workflows release to install (controller.images.version), a tag of {Releases.ReleaseTag.SupportedLinesText}; it replaces the options file's.",
        };

        var limitOptions = new LimitOptions();

        var command = new Command("render", """
            Render the hardened Argo Workflows install described by an options file.
            Manifests go to standard output (or --output-dir); warnings, accepted risks and errors go to standard error.
            The options file is read under the same limits as audit inputs (the --max-* options raise them).
            Exit codes: 0 rendered; 1 the options break a rule at error level (every finding is listed with its rule ID and help link); 2 the options file cannot be read, is refused by a limit, or cannot be bound.
            """)
        {
            optionsFile,
            outputDirectory,
            force,
            argoVersion,
        };
        limitOptions.AddTo(command);

        command.SetAction(parseResult => limitOptions.Read(parseResult, "render", parseResult.InvocationConfiguration.Error) is { } limits
            ? Run(
                parseResult.GetValue(optionsFile)!,
                parseResult.GetValue(outputDirectory),
                parseResult.GetValue(force),
                parseResult.GetValue(argoVersion),
                limits,
                parseResult.InvocationConfiguration.Output,
                parseResult.InvocationConfiguration.Error)
            : InputError);
        return command;
    }

    private static int Run(FileInfo optionsFile, DirectoryInfo? outputDirectory, bool force, string? argoVersion, ReadingLimits limits, TextWriter output, TextWriter error)
    {
        if (!optionsFile.Exists)
        {
            error.WriteLine($"error: options file '{optionsFile.FullName}' not found. Pass the path of a YAML or JSON options file (see samples/options/).");
            return InputError;
        }

        ArgoWorkflowsArgs args;
        try
        {
            args = OptionsFile.Load(optionsFile.FullName, limits);
        }
        catch (OptionsException e)
        {
            error.WriteLine("error: " + e.Message);
            return InputError;
        }

        if (argoVersion is not null)
        {
            // Validation judges it like a version in the file (ARGO0018, or an input error for an unsupported line).
            args.Controller.Images.Version = argoVersion;
        }

        InstallPlan plan;
        try
        {
            plan = Planner.Plan(args);
        }
        catch (ArgoSecureValidationException e)
        {
            WriteValidation(error, e.Result);
            if (e.Result.InputErrors.Count == 0 && !e.Result.BlockingFindings.Any())
            {
                error.WriteLine("error: " + e.Message);
            }

            error.WriteLine("error: nothing was rendered.");
            return ValidationFailed;
        }

        WriteValidation(error, plan.Validation);
        if (outputDirectory is null)
        {
            output.Write(ManifestRenderer.Render(plan));
            return 0;
        }

        return WriteFiles(plan, outputDirectory, force, error);
    }

    private static int WriteFiles(InstallPlan plan, DirectoryInfo directory, bool force, TextWriter error)
    {
        var files = ManifestRenderer.RenderFiles(plan);
        try
        {
            directory.Create();
            var existing = directory.EnumerateFileSystemInfos().ToList();
            if (existing.Count > 0 && !force)
            {
                error.WriteLine($"error: output directory '{directory.FullName}' is not empty. Choose an empty directory, or pass --force to replace its .yaml files.");
                return InputError;
            }

            if (force)
            {
                foreach (var old in directory.EnumerateFiles("*.yaml"))
                {
                    old.Delete();
                }
            }

            foreach (var (fileName, yaml) in files)
            {
                File.WriteAllText(Path.Combine(directory.FullName, fileName), yaml);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: cannot write to '{directory.FullName}': {e.Message}");
            return InputError;
        }

        error.WriteLine($"Wrote {files.Count} objects to {directory.FullName}");
        return 0;
    }

    private static void WriteValidation(TextWriter error, ValidationResult result)
    {
        foreach (var input in result.InputErrors)
        {
            error.WriteLine(input.ToString());
        }

        foreach (var finding in result.Findings)
        {
            error.WriteLine(finding.ToString());
        }
    }
}
