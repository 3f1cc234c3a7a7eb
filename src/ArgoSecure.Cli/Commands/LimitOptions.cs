using System.CommandLine;
using System.Globalization;
using ArgoSecure.Input;

namespace ArgoSecure.Cli.Commands;

/// <summary>The options that raise the reading limits, shared by every command that reads files.</summary>
internal sealed class LimitOptions
{
    private readonly Option<string?> fileSize = new(ReadingLimits.Options.FileSize) { Description = $"Largest file read, such as 32MiB (default {ReadingLimits.FormatSize(ReadingLimits.Default.MaxFileBytes)})." };
    private readonly Option<string?> totalSize = new(ReadingLimits.Options.TotalSize) { Description = $"Most bytes read over all inputs (default {ReadingLimits.FormatSize(ReadingLimits.Default.MaxTotalBytes)})." };
    private readonly Option<int?> depth = new(ReadingLimits.Options.Depth) { Description = $"Deepest nesting of mappings and lists (default {ReadingLimits.Default.MaxDepth}, at most {ReadingLimits.DepthCeiling})." };
    private readonly Option<int?> documents = new(ReadingLimits.Options.Documents) { Description = $"Most YAML documents in one file (default {ReadingLimits.Default.MaxDocuments.ToString("N0", CultureInfo.InvariantCulture)})." };
    private readonly Option<long?> nodes = new(ReadingLimits.Options.Nodes) { Description = $"Most YAML values over all inputs, aliases expanded (default {ReadingLimits.Default.MaxNodes.ToString("N0", CultureInfo.InvariantCulture)})." };
    private readonly Option<int?> objects = new(ReadingLimits.Options.Objects) { Description = $"Most Kubernetes objects over all inputs (default {ReadingLimits.Default.MaxObjects.ToString("N0", CultureInfo.InvariantCulture)})." };

    /// <summary>Adds the options to a command.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(fileSize);
        command.Options.Add(totalSize);
        command.Options.Add(depth);
        command.Options.Add(documents);
        command.Options.Add(nodes);
        command.Options.Add(objects);
    }

    /// <summary>The limits the options ask for; null (after writing why to <paramref name="error"/>) when a value is not valid.</summary>
    public ReadingLimits? Read(ParseResult parseResult, string command, TextWriter error)
    {
        var limits = ReadingLimits.Default;
        if (parseResult.GetValue(fileSize) is { } file)
        {
            if (ReadingLimits.ParseSize(file) is not { } bytes)
            {
                return Invalid(error, command, ReadingLimits.Options.FileSize, file, "a size such as 32MiB, 512KiB or a number of bytes");
            }

            limits = limits with { MaxFileBytes = bytes };
        }

        if (parseResult.GetValue(totalSize) is { } total)
        {
            if (ReadingLimits.ParseSize(total) is not { } bytes)
            {
                return Invalid(error, command, ReadingLimits.Options.TotalSize, total, "a size such as 256MiB, 1GiB or a number of bytes");
            }

            limits = limits with { MaxTotalBytes = bytes };
        }

        if (parseResult.GetValue(depth) is { } levels)
        {
            if (levels is < 1 or > ReadingLimits.DepthCeiling)
            {
                return Invalid(error, command, ReadingLimits.Options.Depth, levels.ToString(CultureInfo.InvariantCulture), $"a number from 1 to {ReadingLimits.DepthCeiling}");
            }

            limits = limits with { MaxDepth = levels };
        }

        if (parseResult.GetValue(documents) is { } count)
        {
            if (count < 1)
            {
                return Invalid(error, command, ReadingLimits.Options.Documents, count.ToString(CultureInfo.InvariantCulture), "a positive number");
            }

            limits = limits with { MaxDocuments = count };
        }

        if (parseResult.GetValue(nodes) is { } values)
        {
            if (values < 1)
            {
                return Invalid(error, command, ReadingLimits.Options.Nodes, values.ToString(CultureInfo.InvariantCulture), "a positive number");
            }

            limits = limits with { MaxNodes = values };
        }

        if (parseResult.GetValue(objects) is { } most)
        {
            if (most < 1)
            {
                return Invalid(error, command, ReadingLimits.Options.Objects, most.ToString(CultureInfo.InvariantCulture), "a positive number");
            }

            limits = limits with { MaxObjects = most };
        }

        return limits;
    }

    private static ReadingLimits? Invalid(TextWriter error, string command, string option, string value, string expected)
    {
        error.WriteLine($"{command}: {option} '{value}' is not valid. Fix: give {expected}.");
        return null;
    }
}
