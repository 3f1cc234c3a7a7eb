using System.Globalization;
using System.Text;

namespace ArgoSecure.Input;

/// <summary>
/// What one run may still read under its <see cref="ReadingLimits"/>: the one way into ArgoSecure for bytes (files,
/// streams, text already in memory) and for YAML (<see cref="OpenYaml"/>). Every reader takes a budget, so a new reader
/// gets the limits by construction. Refusals throw <see cref="InputLimitException"/>; <see cref="Checkpoint"/> and
/// <see cref="Restore"/> let a caller give back what a refused input had used.
/// </summary>
public sealed class ReadingBudget
{
    /// <summary>Creates a budget.</summary>
    public ReadingBudget(ReadingLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        Limits = limits;
    }

    /// <summary>The limits.</summary>
    public ReadingLimits Limits { get; }

    /// <summary>Bytes read so far.</summary>
    public long BytesRead { get; private set; }

    /// <summary>Files (and streams) read so far.</summary>
    public int FilesRead { get; private set; }

    /// <summary>YAML values read so far (aliases expanded).</summary>
    public long NodesRead { get; private set; }

    /// <summary>Kubernetes objects counted so far.</summary>
    public int ObjectsRead { get; private set; }

    /// <summary>What has been used, to give back with <see cref="Restore"/> when an input is refused.</summary>
    public (long Bytes, int Files, long Nodes, int Objects) Checkpoint() => (BytesRead, FilesRead, NodesRead, ObjectsRead);

    /// <summary>Gives back what was used since <paramref name="checkpoint"/>.</summary>
    public void Restore((long Bytes, int Files, long Nodes, int Objects) checkpoint) =>
        (BytesRead, FilesRead, NodesRead, ObjectsRead) = checkpoint;

    /// <summary>
    /// Reads a file as text (UTF-8 unless a byte order mark says otherwise), never more than the file-size limit and
    /// never past the total: a device or a file that grows is cut off and refused, not read forever.
    /// </summary>
    /// <exception cref="InputLimitException">The file is beyond a limit.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be read.</exception>
    public string ReadFile(string path, string input)
    {
        ArgumentNullException.ThrowIfNull(path);
        var info = new FileInfo(path);
        if (info.Exists)
        {
            CheckSize(info.Length, input, cutOff: false);
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        return ReadStream(stream, input);
    }

    /// <summary>Reads a stream (standard input, the output of a tool) as text, under the same limits as a file.</summary>
    /// <exception cref="InputLimitException">The stream is beyond a limit.</exception>
    public string ReadStream(Stream stream, string input)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var cap = Math.Min(Limits.MaxFileBytes, Limits.MaxTotalBytes - BytesRead) + 1;

        // A file's size is known: one buffer of that size, not a buffer doubled again and again as it fills.
        using var buffer = new MemoryStream(stream.CanSeek ? (int)Math.Min(Math.Max(stream.Length - stream.Position, 0) + 1, Math.Min(cap, int.MaxValue)) : 0);
        var chunk = new byte[81920];
        int read;
        while (buffer.Length < cap && (read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, cap - buffer.Length))) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        CheckSize(buffer.Length, input, cutOff: buffer.Length == cap);
        var bytes = buffer.Length;
        var text = Decode(buffer);
        BytesRead += bytes;
        FilesRead++;
        return text;
    }

    /// <summary>UTF-8 unless a byte order mark says otherwise (UTF-16, UTF-32), as a <see cref="StreamReader"/> reads it.</summary>
    private static string Decode(MemoryStream buffer)
    {
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (bytes.Length < 2 || bytes[0] is not (0xEF or 0xFE or 0xFF or 0x00))
        {
            return Encoding.UTF8.GetString(bytes);
        }

        buffer.Position = 0;
        using var reader = new StreamReader(buffer, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        return reader.ReadToEnd();
    }

    /// <summary>Counts text already in memory (a test's YAML, a rendered plan) against the limits.</summary>
    /// <exception cref="InputLimitException">The text is beyond a limit.</exception>
    public void Charge(string text, string input)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = Encoding.UTF8.GetByteCount(text);
        CheckSize(bytes, input, cutOff: false);
        BytesRead += bytes;
        FilesRead++;
    }

    /// <summary>
    /// The YAML parser every reader uses: YamlDotNet's, refusing the input as soon as it goes beyond the nesting
    /// depth, the documents, the YAML values or Kubernetes' alias rule.
    /// </summary>
    /// <param name="text">The YAML (or JSON) text, already counted by a Read or Charge method.</param>
    /// <param name="input">The input's name in messages.</param>
    /// <param name="lineOffset">Added to lines in messages (YAML embedded in another file).</param>
    public YamlDotNet.Core.IParser OpenYaml(string text, string input, int lineOffset = 0)
    {
        ArgumentNullException.ThrowIfNull(text);

        // YamlDotNet's scanner spins for minutes when a directive line ('%NAME value') ends the input without a line
        // break exactly at its 1,024-character buffer (found by fuzzing the options binder). A final line break, which
        // changes no value the readers use, avoids it.
        if (text.Length > 0 && text[^1] is not ('\n' or '\r'))
        {
            text += "\n";
        }

        return new LimitedYamlParser(new StringReader(text), this, input, lineOffset);
    }

    /// <summary>Counts Kubernetes objects read from an input.</summary>
    /// <exception cref="InputLimitException">There are more than the objects limit.</exception>
    public void AddObjects(int count, string input)
    {
        if (ObjectsRead + (long)count > Limits.MaxObjects)
        {
            throw new InputLimitException(input, "objects",
                $"it brings the inputs to more than {Limits.MaxObjects.ToString("N0", CultureInfo.InvariantCulture)} Kubernetes objects (the objects limit).",
                $"If the input is honest, raise the limit with {ReadingLimits.Options.Objects} N (objects in all inputs).");
        }

        ObjectsRead += count;
    }

    internal void AddNodes(long count, Func<InputLimitException> refuse)
    {
        if (NodesRead + count > Limits.MaxNodes)
        {
            throw refuse();
        }

        NodesRead += count;
    }

    /// <param name="bytes">The size, or what was read of it.</param>
    /// <param name="input">The input's name.</param>
    /// <param name="cutOff">True when reading stopped at the limit: the size is only known to be above it.</param>
    private void CheckSize(long bytes, string input, bool cutOff)
    {
        if (bytes > Limits.MaxFileBytes)
        {
            throw new InputLimitException(input, "file size",
                $"it is {(cutOff ? "more than " + ReadingLimits.FormatSize(Limits.MaxFileBytes) : ReadingLimits.FormatSize(bytes))}, above the {ReadingLimits.FormatSize(Limits.MaxFileBytes)} file-size limit.",
                $"If the file is honest, raise the limit with {ReadingLimits.Options.FileSize} SIZE (for example {ReadingLimits.Options.FileSize} {Suggest(bytes)}).");
        }

        if (BytesRead + bytes > Limits.MaxTotalBytes)
        {
            throw new InputLimitException(input, "total size",
                $"reading it would bring the inputs to {(cutOff ? "more than " + ReadingLimits.FormatSize(Limits.MaxTotalBytes) : ReadingLimits.FormatSize(BytesRead + bytes))}, above the {ReadingLimits.FormatSize(Limits.MaxTotalBytes)} total-size limit.",
                $"If the inputs are honest, raise the limit with {ReadingLimits.Options.TotalSize} SIZE, or audit fewer files at once.");
        }
    }

    private static string Suggest(long bytes) => $"{Math.Max(1, (bytes >> 20) * 2)}MiB";
}
