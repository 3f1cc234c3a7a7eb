namespace ArgoSecure.Tests.TestSupport;

/// <summary>A temporary folder a test class writes its input files into; deleted with the class.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder(string prefix) => Root = Directory.CreateTempSubdirectory(prefix).FullName;

    public string Root { get; }

    /// <summary>Writes <paramref name="text"/> to <paramref name="relative"/> under the folder (creating its folders) and returns the full path.</summary>
    public string Write(string relative, string text)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
