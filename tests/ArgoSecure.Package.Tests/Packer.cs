using System.Diagnostics;
using System.Text;

namespace ArgoSecure.Package.Tests;

/// <summary>The result of one <c>dotnet pack</c>.</summary>
public sealed record PackResult(int ExitCode, string Output, string OutputDirectory)
{
    /// <summary>The package file of <paramref name="id"/>, if the pack made one.</summary>
    public string? PackageOf(string id) =>
        Directory.EnumerateFiles(OutputDirectory, "*.nupkg").SingleOrDefault(f =>
        {
            var name = Path.GetFileName(f);
            return name.Length > id.Length + 1 && name.StartsWith(id + ".", StringComparison.Ordinal) && char.IsDigit(name[id.Length + 1]);
        });
}

/// <summary>Runs <c>dotnet pack</c> on a project of this repository, once per project per test run.</summary>
public static class Packer
{
    private static readonly Dictionary<string, Lazy<PackResult>> Results = new(StringComparer.Ordinal);

    /// <summary>The repository root: the folder that holds <c>ArgoSecure.Pulumi.sln</c>.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>
    /// Packs <paramref name="project"/> (relative to the root) in Release into a fresh temporary folder, removed
    /// when the test run ends.
    /// </summary>
    public static PackResult Pack(string project)
    {
        Lazy<PackResult> result;
        lock (Results)
        {
            if (!Results.TryGetValue(project, out result!))
            {
                result = new Lazy<PackResult>(() => RunPack(project));
                Results[project] = result;
            }
        }

        return result.Value;
    }

    private static PackResult RunPack(string project)
    {
        var output = Path.Combine(Path.GetTempPath(), "argosecure-pack-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(output);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(output, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Best effort: a leftover temporary folder is harmless.
            }
        };
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "pack", project, "-c", "Release", "-o", output, "-nologo", "-nodeReuse:false", "-p:UseSharedCompilation=false" })
        {
            start.ArgumentList.Add(argument);
        }

        // The test host runs under MSBuild's environment; a clean child build must not inherit it, and must not
        // leave build servers behind that hold the output pipes open.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet pack did not start.");
        var text = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(text, e.Data);
        process.ErrorDataReceived += (_, e) => Append(text, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeSpan.FromMinutes(8)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet pack {project} took more than 8 minutes:\n{text}");
        }

        process.WaitForExit();
        return new PackResult(process.ExitCode, text.ToString(), output);
    }

    private static void Append(StringBuilder text, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (text)
        {
            text.AppendLine(line);
        }
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ArgoSecure.Pulumi.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No ArgoSecure.Pulumi.sln above {AppContext.BaseDirectory}.");
    }
}
