using System.IO.Compression;
using System.Reflection;
using System.Xml.Linq;

namespace ArgoSecure.Package.Tests;

/// <summary>A .nupkg opened for reading: its entries and its nuspec.</summary>
public sealed class NuGetPackage
{
    private readonly string _path;

    public NuGetPackage(string path)
    {
        _path = path;
        using var zip = ZipFile.OpenRead(path);
        Entries = zip.Entries.Select(e => e.FullName).ToList();
        var nuspec = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/', StringComparison.Ordinal));
        using var stream = nuspec.Open();
        Nuspec = XDocument.Load(stream);
    }

    public IReadOnlyList<string> Entries { get; }

    public XDocument Nuspec { get; }

    private XNamespace Ns => Nuspec.Root!.GetDefaultNamespace();

    public XElement Metadata => Nuspec.Root!.Element(Ns + "metadata")!;

    public string? Meta(string name) => Metadata.Element(Ns + name)?.Value;

    public XElement? MetaElement(string name) => Metadata.Element(Ns + name);

    /// <summary>Every dependency of every group: (target framework, id).</summary>
    public IReadOnlyList<(string? Framework, string Id)> Dependencies =>
        Metadata.Descendants(Ns + "dependency")
            .Select(d => (d.Parent?.Attribute("targetFramework")?.Value, d.Attribute("id")!.Value))
            .ToList();

    /// <summary>The assembly name of a DLL inside the package.</summary>
    public AssemblyName AssemblyNameOf(string entry)
    {
        var file = Path.Combine(Path.GetTempPath(), "argosecure-entry-" + Guid.NewGuid().ToString("N") + ".dll");
        try
        {
            using (var zip = ZipFile.OpenRead(_path))
            {
                zip.GetEntry(entry)!.ExtractToFile(file);
            }

            return AssemblyName.GetAssemblyName(file);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
