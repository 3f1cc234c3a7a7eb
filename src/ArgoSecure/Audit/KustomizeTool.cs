using System.Diagnostics;
using System.Globalization;
using System.Text;
using ArgoSecure.Input;

namespace ArgoSecure.Audit;

/// <summary>Which kustomize builds kustomization folders.</summary>
public enum KustomizeMode
{
    /// <summary><c>kustomize build</c> if on the PATH, else <c>kubectl kustomize</c>, else the built-in subset.</summary>
    Auto,

    /// <summary><c>kustomize build</c> only.</summary>
    Kustomize,

    /// <summary><c>kubectl kustomize</c> only.</summary>
    Kubectl,

    /// <summary>The audit's built-in subset only.</summary>
    Builtin,
}

/// <summary>How kustomization folders are built: the mode, and how long the real kustomize may run on one folder.</summary>
/// <param name="Mode">Which kustomize.</param>
/// <param name="Timeout">The longest one build may run; default 60 seconds.</param>
public sealed record KustomizeChoice(KustomizeMode Mode, TimeSpan Timeout)
{
    /// <summary>The default of the command line: the real kustomize when there is one, 60 seconds a build.</summary>
    public static KustomizeChoice Default { get; } = new(KustomizeMode.Auto, TimeSpan.FromSeconds(60));

    /// <summary>Only the built-in subset (the library's default: no process is started).</summary>
    public static KustomizeChoice BuiltIn { get; } = new(KustomizeMode.Builtin, TimeSpan.FromSeconds(60));
}

/// <summary>The real kustomize (<c>kustomize build DIR</c> or <c>kubectl kustomize DIR</c>), run as a bounded subprocess.</summary>
public sealed class KustomizeTool
{
    // Enough of kustomize's error to say what failed; the rest is noise of the same failure.
    private const int ErrorChars = 600;

    private readonly string executable;
    private readonly string[] arguments;

    private KustomizeTool(string name, string executable, params string[] arguments)
    {
        Name = name;
        this.executable = executable;
        this.arguments = arguments;
    }

    /// <summary>A tool run as <paramref name="executable"/> with <paramref name="arguments"/> and the folder (tests: a stand-in that hangs or floods).</summary>
    internal static KustomizeTool Of(string name, string executable, params string[] arguments) => new(name, executable, arguments);

    /// <summary>How the tool is called, as shown in notes: <c>kustomize build</c> or <c>kubectl kustomize</c>.</summary>
    public string Name { get; }

    /// <summary>
    /// The tool for a mode, looked up on the PATH: <c>kustomize</c> first (its own releases are newer than the copy
    /// built into kubectl), then <c>kubectl</c>. Null for <see cref="KustomizeMode.Builtin"/>, and in
    /// <see cref="KustomizeMode.Auto"/> when neither is found.
    /// </summary>
    /// <exception cref="AuditInputException">The mode forces a tool that is not on the PATH.</exception>
    public static KustomizeTool? Find(KustomizeMode mode)
    {
        KustomizeTool? Kustomize() => OnPath("kustomize") is { } path ? new KustomizeTool("kustomize build", path, "build") : null;
        KustomizeTool? Kubectl() => OnPath("kubectl") is { } path ? new KustomizeTool("kubectl kustomize", path, "kustomize") : null;
        return mode switch
        {
            KustomizeMode.Builtin => null,
            KustomizeMode.Kustomize => Kustomize() ?? throw new AuditInputException("--kustomize kustomize", "no 'kustomize' executable on the PATH.",
                "Install kustomize, or use --kustomize kubectl, --kustomize builtin or --kustomize auto."),
            KustomizeMode.Kubectl => Kubectl() ?? throw new AuditInputException("--kustomize kubectl", "no 'kubectl' executable on the PATH.",
                "Install kubectl, or use --kustomize kustomize, --kustomize builtin or --kustomize auto."),
            _ => Kustomize() ?? Kubectl(),
        };
    }

    /// <summary>
    /// Builds a kustomization folder and returns its output, read under <paramref name="budget"/> like one file (the
    /// file-size and total-size limits bound the output). The process is killed when its output goes beyond a limit
    /// or it runs longer than <paramref name="timeout"/>.
    /// </summary>
    /// <exception cref="InputLimitException">The output goes beyond a limit, or the build runs too long.</exception>
    /// <exception cref="KustomizeFailedException">The tool cannot start, or fails on the folder.</exception>
    public string Build(string folder, string display, ReadingBudget budget, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(budget);
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add(Path.GetFullPath(folder));
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new KustomizeFailedException($"{Name} cannot start ({e.Message})");
        }

        process.StandardInput.Close();
        var errors = Task.Run(() => ReadSome(process.StandardError));
        var output = Task.Run(() => budget.ReadStream(process.StandardOutput.BaseStream, $"{display} ({Name} output)"));
        try
        {
            if (!output.Wait(timeout))
            {
                Kill(process);
                Settle(output);
                throw new InputLimitException(display, "kustomize timeout",
                    $"{Name} did not finish within {timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s; it was stopped.",
                    "If the kustomization is honest (large, or slow remote resources), raise the limit with --kustomize-timeout SECONDS, or use --kustomize builtin.");
            }
        }
        catch (AggregateException e) when (e.InnerException is InputLimitException limit)
        {
            // The output is beyond the file-size or total-size limit: stop the build, refuse the folder.
            Kill(process);
            throw new InputLimitException(display, limit.Limit, $"the output of {Name}: {limit.Reason}", limit.Fix);
        }

        if (!process.WaitForExit((int)Math.Min(int.MaxValue, timeout.TotalMilliseconds)))
        {
            Kill(process);
        }

        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new KustomizeFailedException($"{Name} exited with {process.ExitCode.ToString(CultureInfo.InvariantCulture)}: {Clean(errors.Result)}");
        }

        return output.Result;
    }

    /// <summary>Waits for a reader of a stopped process to end (its pipe closed), so that nothing uses the budget after a refusal.</summary>
    private static void Settle(Task task)
    {
        try
        {
            task.Wait();
        }
        catch (AggregateException)
        {
            // The refusal is already decided; how the read ended does not change it.
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It ended on its own meanwhile.
        }

        process.WaitForExit();
    }

    private static string ReadSome(StreamReader reader)
    {
        var text = new StringBuilder();
        var buffer = new char[4096];
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            // Keep reading (a full pipe would block the tool) but keep only the beginning.
            if (text.Length < ErrorChars * 4)
            {
                text.Append(buffer, 0, read);
            }
        }

        return text.ToString();
    }

    // kubectl writes klog lines ('E1130 18:44:58.08 31362 run.go:72] "command failed" err="..."'): keep the error.
    private static string Clean(string error)
    {
        var text = error.Trim();
        var at = text.IndexOf("err=\"", StringComparison.Ordinal);
        if (at >= 0)
        {
            text = text[(at + 5)..].TrimEnd('"');
        }

        text = text.ReplaceLineEndings(" ");
        return text.Length == 0 ? "no error message" : text.Length > ErrorChars ? text[..ErrorChars] + "..." : text;
    }

    private static string? OnPath(string name)
    {
        var names = OperatingSystem.IsWindows() ? [name + ".exe", name + ".cmd", name] : new[] { name };
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var candidate in names)
            {
                var path = Path.Combine(directory, candidate);
                if (File.Exists(path))
                {
                    return path;
                }
            }
        }

        return null;
    }
}

/// <summary>The real kustomize could not build a folder (it cannot start, or it fails on the folder).</summary>
public sealed class KustomizeFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public KustomizeFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public KustomizeFailedException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public KustomizeFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
