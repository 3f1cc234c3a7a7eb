using System.Globalization;
using ArgoSecure.Input;

namespace ArgoSecure.Audit;

/// <summary>
/// Reads Kubernetes objects from files and folders: multi-document YAML or JSON, <c>kind: List</c> (as printed by
/// <c>kubectl get -o yaml</c>), rendered output of <c>kustomize build</c> or <c>helm template</c>, and folders.
/// In a folder only <c>*.yaml</c>, <c>*.yml</c> and <c>*.json</c> files are read (recursively, in ordinal order, each
/// real file once whatever links lead to it; a link back into a folder being read is noted, not followed);
/// a folder holding a <c>kustomization.yaml</c> is read the way kustomize would: its resources, components,
/// patches (strategic merge and JSON 6902), <c>namespace</c> and <c>images</c>. Every byte goes through the
/// <see cref="ReadingBudget"/>. Whatever is not read is said in <see cref="Notes"/>; an input that cannot be read, or
/// goes beyond a limit, is left out whole and listed in <see cref="Refused"/> while the others are still read.
/// </summary>
public sealed class ManifestLoader
{
    private static readonly string[] KustomizationNames = ["kustomization.yaml", "kustomization.yml", "Kustomization"];
    private static readonly string[] UnappliedKustomizeFields =
        ["namePrefix", "nameSuffix", "commonLabels", "labels", "commonAnnotations", "configMapGenerator", "secretGenerator", "replicas", "helmCharts", "replacements", "vars", "crds", "generators", "transformers", "validators", "openapi"];

    /// <summary>The path that means standard input (<c>kubectl get ... -o yaml | argosecure audit -</c>).</summary>
    public const string StandardInputPath = "-";

    /// <summary>How standard input is named in findings, notes and refusals.</summary>
    public const string StandardInputName = "stdin";

    private const string BuiltInScope = "it applies resources, components, patches (strategic merge simplified, JSON 6902 add, replace and remove), namespace and images, and not namePrefix, nameSuffix, labels, annotations, generators, replicas, replacements, helmCharts or other transformers";

    private readonly List<string> notes = [];
    private KustomizeTool? tool;
    private bool toolLookedUp;
    private readonly List<InputRefusal> refused = [];

    // Real paths: files already read (with the path they were read as), folders already walked, and the folders and
    // kustomizations being read right now (a link or a reference back to one of them is a cycle).
    private readonly Dictionary<string, string> readFiles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> walkedFolders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> openFolders = new(StringComparer.Ordinal);

    /// <summary>Creates a loader with the default limits.</summary>
    public ManifestLoader()
        : this(new ReadingBudget(ReadingLimits.Default))
    {
    }

    /// <summary>Creates a loader that reads under a budget (shared with the Helm values reader of the same run).</summary>
    public ManifestLoader(ReadingBudget budget)
    {
        ArgumentNullException.ThrowIfNull(budget);
        Budget = budget;
    }

    /// <summary>The reading budget: the limits, and what has been read.</summary>
    public ReadingBudget Budget { get; }

    /// <summary>Which kustomize builds the kustomization folders given as inputs (default: the built-in subset).</summary>
    public KustomizeChoice Kustomizing { get; init; } = KustomizeChoice.BuiltIn;

    /// <summary>The tool that builds kustomizations, instead of the one <see cref="Kustomizing"/> finds (tests).</summary>
    internal KustomizeTool? Tool
    {
        init
        {
            tool = value;
            toolLookedUp = true;
        }
    }

    /// <summary>Opens standard input, read for the path <c>-</c> (replaced by tests).</summary>
    public Func<Stream> StandardInput { get; init; } = Console.OpenStandardInput;

    /// <summary>What was not read or not applied, and why (never silent).</summary>
    public IReadOnlyList<string> Notes => notes;

    /// <summary>The inputs left out because they cannot be read or go beyond a limit; nothing of them is audited.</summary>
    public IReadOnlyList<InputRefusal> Refused => refused;

    /// <summary>Loads every object of the given files and folders, in order (all units together).</summary>
    /// <exception cref="AuditInputException">An input cannot be read (the first refusal).</exception>
    /// <exception cref="InputLimitException">An input goes beyond a limit (the first refusal).</exception>
    public IReadOnlyList<KubeObject> Load(IEnumerable<string> paths)
    {
        var objects = LoadUnits(paths).SelectMany(u => u).Distinct().ToList();
        if (refused.Count > 0)
        {
            throw refused[0].Exception;
        }

        return objects;
    }

    /// <summary>
    /// Loads the inputs as installation units: each folder with a kustomization.yaml is built on its own (kustomize
    /// folders are alternative builds, such as quick-start/minimal and quick-start/postgres), and every plain file is
    /// part of every unit (workflow files are audited against each install's defaults). Without kustomizations there is
    /// one unit. An input that cannot be read is listed in <see cref="Refused"/> and left out whole.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<KubeObject>> LoadUnits(IEnumerable<string> paths, IReadOnlyList<KubeObject>? extraUnit = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var plain = new List<KubeObject>();
        var units = new List<List<KubeObject>>();
        var stdinRead = false;
        foreach (var path in paths)
        {
            if (path == StandardInputPath)
            {
                if (stdinRead)
                {
                    notes.Add($"{StandardInputName}: '-' is given more than once; standard input is read once.");
                    continue;
                }

                stdinRead = true;
                Guarded(StandardInputName, () =>
                {
                    using var stream = StandardInput();
                    plain.AddRange(LoadStream(stream, StandardInputName));
                });
            }
            else if (Directory.Exists(path))
            {
                Guarded(path, () => Walk(path, RealPath.Of(path), plain, units));
            }
            else
            {
                Guarded(path, () => plain.AddRange(LoadPath(path)));
            }
        }

        if (extraUnit is not null)
        {
            units.Add([.. extraUnit]);
        }

        if (units.Count == 0)
        {
            return [Deduplicate(plain)];
        }

        return units.Select(u => (IReadOnlyList<KubeObject>)Deduplicate([.. u, .. plain])).ToList();
    }

    /// <summary>
    /// Runs one read; when it fails, gives back what it used, records the refusal and goes on: the objects it would
    /// have added are added only when it succeeds (callers add from inside <paramref name="read"/> last).
    /// </summary>
    private void Guarded(string path, Action read)
    {
        var checkpoint = Budget.Checkpoint();
        var notesBefore = notes.Count;
        try
        {
            read();
        }
        catch (Exception e) when (InputRefusal.From(e, path) is { } refusal)
        {
            Refuse(checkpoint, notesBefore, refusal);
        }
    }

    private void Refuse((long, int, long, int) checkpoint, int notesBefore, InputRefusal refusal)
    {
        Budget.Restore(checkpoint);
        notes.RemoveRange(notesBefore, notes.Count - notesBefore);
        refused.Add(refusal);
    }

    /// <summary>Walks a folder (not a kustomization): each file is its own input, each subfolder its own walk.</summary>
    private void Walk(string folder, string real, List<KubeObject> plain, List<List<KubeObject>> units)
    {
        if (!EnterFolder(folder, real))
        {
            return;
        }

        try
        {
            if (FindKustomization(folder) is { } kustomization)
            {
                openFolders.Remove(real);
                units.Add(BuildKustomization(folder, kustomization));
                return;
            }

            var (files, folders) = List(folder);
            foreach (var file in files)
            {
                if (IsManifestFile(file))
                {
                    Guarded(file, () =>
                    {
                        if (ReadOnce(file, RealPath.Child(real, file)))
                        {
                            plain.AddRange(LoadFile(file, inFolder: true));
                        }
                    });
                }
                else
                {
                    notes.Add($"{DisplayPath(file)}: not read (in folders only .yaml, .yml and .json files are read).");
                }
            }

            foreach (var sub in folders.Where(f => !Path.GetFileName(f).StartsWith('.')))
            {
                Guarded(sub, () => Walk(sub, RealPath.Child(real, sub), plain, units));
            }
        }
        finally
        {
            openFolders.Remove(real);
        }
    }

    /// <summary>
    /// False when the folder is being read already (a link cycle: refused, since following it never ends) or was read
    /// through another path (noted).
    /// </summary>
    private bool EnterFolder(string folder, string real)
    {
        var display = DisplayPath(folder);
        if (openFolders.TryGetValue(real, out var ancestor))
        {
            var cycle = new InputLimitException(display, "link cycle", $"a link cycle: it leads back to {ancestor}, which is being read; not followed.",
                "Remove the link, or give the folder it points to as its own PATH. The rest of the folder is audited.");
            refused.Add(new InputRefusal(cycle.Input, cycle.Reason, cycle.Fix, cycle.Limit, cycle));
            return false;
        }

        if (walkedFolders.TryGetValue(real, out var first))
        {
            notes.Add($"{display}: the same folder as {first} (through a link); already read, not read again.");
            return false;
        }

        walkedFolders[real] = display;
        openFolders[real] = display;
        return true;
    }

    /// <summary>True the first time a real file is met; later paths to it (links, repeated arguments) are noted.</summary>
    private bool ReadOnce(string file, string real)
    {
        var display = DisplayPath(file);
        if (readFiles.TryGetValue(real, out var first))
        {
            notes.Add($"{display}: the same file as {first}; already read, not read again.");
            return false;
        }

        readFiles[real] = display;
        return true;
    }

    private static (string[] Files, string[] Folders) List(string directory)
    {
        string[] files, folders;
        try
        {
            files = Directory.GetFiles(directory);
            folders = Directory.GetDirectories(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AuditInputException(DisplayPath(directory), $"the folder cannot be listed ({e.Message}).", "Check the folder's permissions.");
        }

        Array.Sort(files, StringComparer.Ordinal);
        Array.Sort(folders, StringComparer.Ordinal);
        return (files, folders);
    }

    /// <summary>Reads one YAML text (already in memory) as a file named <paramref name="file"/>; throws when it cannot.</summary>
    public IReadOnlyList<KubeObject> LoadText(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        Budget.Charge(text, file);
        return ObjectsOf(YamlTree.ParseDocuments(text, file, Budget), file);
    }

    /// <summary>
    /// Reads one stream (standard input, a tool's output) as a file named <paramref name="name"/>, under the same
    /// limits as a file; throws <see cref="AuditInputException"/> or <see cref="InputLimitException"/> when it cannot.
    /// </summary>
    public IReadOnlyList<KubeObject> LoadStream(Stream stream, string name)
    {
        var text = Budget.ReadStream(stream, name);
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            throw new AuditInputException(name, "is binary, not YAML.", "Give YAML or JSON manifests only.");
        }

        var objects = ObjectsOf(YamlTree.ParseDocuments(text, name, Budget), name);
        Budget.AddObjects(objects.Count, name);
        return objects;
    }

    /// <summary>A path as shown to users: relative to the current directory when it is below it.</summary>
    public static string DisplayPath(string path)
    {
        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), full);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? full : relative.Replace('\\', '/');
    }

    private List<KubeObject> LoadPath(string path)
    {
        if (Directory.Exists(path))
        {
            return LoadDirectory(path);
        }

        if (File.Exists(path))
        {
            return ReadOnce(path, RealPath.Of(path)) ? LoadFile(path) : [];
        }

        throw new AuditInputException(path, "no such file or folder.", "Check the path; give YAML files, folders of YAML files, or a Helm values file with --helm-values.");
    }

    /// <summary>A folder a kustomization lists: read whole, as part of that kustomization's build.</summary>
    private List<KubeObject> LoadDirectory(string directory)
    {
        if (FindKustomization(directory) is { } kustomization)
        {
            return Kustomize(directory, kustomization, out _);
        }

        var real = RealPath.Of(directory);
        EnterBuild(directory, real);

        try
        {
            var objects = new List<KubeObject>();
            var (files, folders) = List(directory);
            foreach (var file in files)
            {
                if (IsManifestFile(file))
                {
                    objects.AddRange(LoadFile(file, inFolder: true));
                }
                else
                {
                    notes.Add($"{DisplayPath(file)}: not read (in folders only .yaml, .yml and .json files are read).");
                }
            }

            foreach (var folder in folders)
            {
                if (!Path.GetFileName(folder).StartsWith('.'))
                {
                    objects.AddRange(LoadDirectory(folder));
                }
            }

            return objects;
        }
        finally
        {
            openFolders.Remove(real);
        }
    }

    /// <summary>
    /// Refuses the build when a kustomization reaches a folder it is already building (a reference or link cycle, which
    /// kustomize refuses too). A base shared by two overlays is built for each, as kustomize does: the budget bounds how often.
    /// </summary>
    private void EnterBuild(string folder, string real)
    {
        if (openFolders.TryGetValue(real, out var ancestor))
        {
            throw new InputLimitException(DisplayPath(folder), "link cycle", $"a cycle: it leads back to {ancestor}, which is being built.",
                "Remove the reference or link that leads back; kustomize refuses this build too.");
        }

        openFolders[real] = DisplayPath(folder);
    }

    private static bool IsManifestFile(string file) =>
        file.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) ||
        file.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    private static string? FindKustomization(string directory) =>
        KustomizationNames.Select(n => Path.Combine(directory, n)).FirstOrDefault(File.Exists);

    private List<KubeObject> LoadFile(string file, bool inFolder = false)
    {
        var display = DisplayPath(file);
        var objects = ObjectsOf(ReadDocuments(file), display, inFolder);
        Budget.AddObjects(objects.Count, display);
        return objects;
    }

    /// <summary>Reads the documents of a file under the budget; throws <see cref="AuditInputException"/> or <see cref="InputLimitException"/> when it cannot.</summary>
    internal IReadOnlyList<YNode> ReadDocuments(string file)
    {
        var display = DisplayPath(file);
        string text;
        try
        {
            text = Budget.ReadFile(file, display);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AuditInputException(display, $"cannot be read ({e.Message}).", "Check that the file exists and is readable.");
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            throw new AuditInputException(display, "is a binary file, not YAML.", "Give YAML or JSON manifests only.");
        }

        return YamlTree.ParseDocuments(text, display, Budget);
    }

    private List<KubeObject> ObjectsOf(IReadOnlyList<YNode> documents, string file, bool inFolder = false)
    {
        var objects = new List<KubeObject>();
        foreach (var document in documents)
        {
            AddObjects(document, file, objects, inFolder);
        }

        return objects;
    }

    private void AddObjects(YNode document, string file, List<KubeObject> objects, bool inFolder)
    {
        switch (document)
        {
            case YScalar { IsNull: true }:
                return;
            case YSeq seq when seq.Children.All(c => c["op"] is not null && c["path"] is not null):
                notes.Add($"{file}:{document.Location.Line}: a JSON patch, not an object: read only through the kustomization that names it.");
                return;
            case YMap map when map.TextAt("kind") is { } kind && map["items"] is YSeq items && kind.EndsWith("List", StringComparison.Ordinal):
                foreach (var item in items.Children)
                {
                    AddObjects(item, file, objects, inFolder);
                }

                return;
            case YMap map when map.TextAt("kind") is "Kustomization" or "Component" && map.TextAt("apiVersion")?.StartsWith("kustomize.config.k8s.io", StringComparison.Ordinal) == true:
                notes.Add($"{file}: a kustomization, not an object: give its folder to read what it builds.");
                return;
            case YMap map when !string.IsNullOrEmpty(map.TextAt("kind")) && !string.IsNullOrEmpty(map.TextAt("apiVersion")):
                objects.Add(new KubeObject(map));
                return;
            default:
                if (inFolder)
                {
                    notes.Add($"{file}:{document.Location.Line.ToString(CultureInfo.InvariantCulture)}: not a Kubernetes object (no apiVersion and kind); not audited.");
                    return;
                }

                throw new AuditInputException($"{file}:{document.Location.Line.ToString(CultureInfo.InvariantCulture)}",
                    "this document is not a Kubernetes object (no apiVersion and kind).",
                    "Give Kubernetes manifests; pass Helm values files with --helm-values, and kustomize folders as folders.");
        }
    }

    private List<KubeObject> Deduplicate(List<KubeObject> objects)
    {
        var last = new Dictionary<(string, string, string?, string), int>();
        for (var i = 0; i < objects.Count; i++)
        {
            var o = objects[i];
            if (o.Name.Length == 0 || o.Root.TextAt("metadata", "generateName") is not null)
            {
                continue;
            }

            var key = (o.Group, o.Kind, o.Namespace, o.Name);
            if (last.TryGetValue(key, out var previous))
            {
                notes.Add($"{o.Location}: {o.Ref} is also defined at {objects[previous].Location}; the later one is audited.");
            }

            last[key] = i;
        }

        var keep = new HashSet<int>(last.Values);
        return objects.Where((o, i) => keep.Contains(i) || o.Name.Length == 0 || o.Root.TextAt("metadata", "generateName") is not null).ToList();
    }

    // ---- kustomize ----

    /// <summary>
    /// Builds a kustomization folder given as input with the real kustomize when there is one (its output bounded by the
    /// budget and its run by the timeout), pointing the objects back at their source lines; else, or when the real one
    /// fails in auto mode, with the built-in subset, and says so in a note.
    /// </summary>
    private List<KubeObject> BuildKustomization(string folder, string kustomization)
    {
        var display = DisplayPath(folder);
        if (!toolLookedUp)
        {
            tool = KustomizeTool.Find(Kustomizing.Mode);
            toolLookedUp = true;
        }

        if (tool is null)
        {
            var why = Kustomizing.Mode == KustomizeMode.Builtin ? "--kustomize builtin" : "neither kustomize nor kubectl is on the PATH";
            notes.Add($"{display}: built with the audit's built-in kustomize subset ({why}); {BuiltInScope}.");
            return Kustomize(folder, kustomization, out _);
        }

        string output;
        try
        {
            output = tool.Build(folder, display, Budget, Kustomizing.Timeout);
        }
        catch (KustomizeFailedException e) when (Kustomizing.Mode == KustomizeMode.Auto)
        {
            notes.Add($"{display}: {e.Message}; built with the audit's built-in kustomize subset instead; {BuiltInScope}.");
            return Kustomize(folder, kustomization, out _);
        }
        catch (KustomizeFailedException e)
        {
            throw new AuditInputException(display, e.Message + ".", $"Fix the kustomization so that {tool.Name} builds it, or use --kustomize auto or --kustomize builtin.");
        }

        var name = $"{display} ({tool.Name})";
        var objects = ObjectsOf(YamlTree.ParseDocuments(output, name, Budget), name, inFolder: true);
        Budget.AddObjects(objects.Count, name);
        PointAtSources(folder, kustomization, objects, display, name);
        return objects;
    }

    /// <summary>
    /// Gives the objects kustomize built the lines of their sources: the built-in subset reads the same folder (not
    /// counted against the budget, its notes dropped) and each built object, value by value, takes the location of its
    /// counterpart (same group, kind and name; by name, else by position, in lists) and its keys' order. Values the sources lack take their
    /// parent's line; objects without a counterpart keep the lines of kustomize's output, and a note says so.
    /// </summary>
    private void PointAtSources(string folder, string kustomization, List<KubeObject> built, string display, string output)
    {
        var checkpoint = Budget.Checkpoint();
        var notesBefore = notes.Count;
        List<KubeObject> sources;
        try
        {
            sources = Kustomize(folder, kustomization, out _);
        }
        catch (Exception e) when (InputRefusal.From(e, folder) is not null)
        {
            sources = [];
        }
        finally
        {
            Budget.Restore(checkpoint);
            notes.RemoveRange(notesBefore, notes.Count - notesBefore);
        }

        var byName = sources.GroupBy(o => (o.Group, o.Kind, o.Name)).ToDictionary(g => g.Key, g => g.ToList());
        var unmatched = 0;
        foreach (var o in built)
        {
            if (byName.TryGetValue((o.Group, o.Kind, o.Name), out var candidates) &&
                (candidates.Find(c => c.Namespace == o.Namespace) ?? (candidates.Count == 1 ? candidates[0] : null)) is { } source)
            {
                Relocate(o.Root, source.Root);
            }
            else
            {
                unmatched++;
            }
        }

        if (unmatched > 0)
        {
            notes.Add($"{display}: {unmatched} of the {built.Count} objects {tool!.Name} built have no counterpart the audit can follow in the sources (generated, renamed by namePrefix or nameSuffix, or remote): findings on them point at lines of '{output}', kustomize's output.");
        }
    }

    private static void Relocate(YNode built, YNode source)
    {
        built.Location = source.Location;
        switch (built)
        {
            case YMap map when source is YMap sourceMap:
                // kustomize sorts keys; the source's order keeps messages that list keys, and the first one's line, alike.
                map.OrderLike(sourceMap);
                foreach (var (key, value) in map.Entries)
                {
                    Relocate(value, sourceMap.Get(key), source.Location);
                }

                break;
            case YSeq seq when source is YSeq sourceSeq:
                for (var i = 0; i < seq.Children.Count; i++)
                {
                    var item = seq.Children[i];
                    var counterpart = item.TextAt("name") is { } name
                        ? sourceSeq.Children.Find(c => c.TextAt("name") == name)
                        : i < sourceSeq.Children.Count ? sourceSeq.Children[i] : null;
                    Relocate(item, counterpart, source.Location);
                }

                break;
            default:
                foreach (var child in Children(built))
                {
                    Relocate(child, null, source.Location);
                }

                break;
        }
    }

    private static void Relocate(YNode built, YNode? source, SourceLocation parent)
    {
        if (source is not null)
        {
            Relocate(built, source);
            return;
        }

        built.Location = parent;
        foreach (var child in Children(built))
        {
            Relocate(child, null, parent);
        }
    }

    private static IEnumerable<YNode> Children(YNode node) => node switch
    {
        YMap map => map.Entries.Select(e => e.Value),
        YSeq seq => seq.Children,
        _ => [],
    };

    private List<KubeObject> Kustomize(string directory, string kustomizationFile, out List<(YNode Patch, YNode? Target, string File)> componentPatches)
    {
        var real = RealPath.Of(directory);
        EnterBuild(directory, real);

        try
        {
            return Build(directory, kustomizationFile, out componentPatches);
        }
        finally
        {
            openFolders.Remove(real);
        }
    }

    private List<KubeObject> Build(string directory, string kustomizationFile, out List<(YNode Patch, YNode? Target, string File)> componentPatches)
    {
        var documents = ReadDocuments(kustomizationFile);
        var k = documents.Count > 0 ? documents[0] as YMap : null;
        var display = DisplayPath(kustomizationFile);
        componentPatches = [];
        if (k is null)
        {
            notes.Add($"{display}: empty kustomization.");
            return [];
        }

        var objects = new List<KubeObject>();
        foreach (var entry in k.Items("resources").Concat(k.Items("bases")))
        {
            var reference = entry.Text ?? "";
            if (reference.Contains("://", StringComparison.Ordinal) || reference.StartsWith("github.com/", StringComparison.Ordinal))
            {
                notes.Add($"{display}:{entry.Location.Line}: remote resource '{reference}' not fetched; audit its rendered output (kustomize build) instead.");
                continue;
            }

            var path = Path.Combine(directory, reference);
            if (Directory.Exists(path))
            {
                if (FindKustomization(path) is { } nested)
                {
                    objects.AddRange(Kustomize(path, nested, out _));
                }
                else
                {
                    notes.Add($"{display}:{entry.Location.Line}: '{reference}' is a folder without kustomization.yaml; read file by file.");
                    objects.AddRange(LoadDirectory(path));
                }
            }
            else if (File.Exists(path))
            {
                objects.AddRange(LoadFile(path));
            }
            else
            {
                notes.Add($"{display}:{entry.Location.Line}: resource '{reference}' is listed but absent; not audited.");
            }
        }

        var patches = new List<(YNode Patch, YNode? Target, string File)>();
        foreach (var entry in k.Items("patches").Concat(k.Items("patchesJson6902")))
        {
            AddPatch(directory, display, entry.TextAt("path"), entry["patch"], entry["target"], entry.Location, patches);
        }

        foreach (var entry in k.Items("patchesStrategicMerge"))
        {
            var text = entry.Text ?? "";
            if (text.Contains('\n', StringComparison.Ordinal))
            {
                AddPatch(directory, display, null, entry, null, entry.Location, patches);
            }
            else
            {
                AddPatch(directory, display, text, null, null, entry.Location, patches);
            }
        }

        foreach (var entry in k.Items("components"))
        {
            var path = Path.Combine(directory, entry.Text ?? "");
            if (Directory.Exists(path) && FindKustomization(path) is { } component)
            {
                objects.AddRange(Kustomize(path, component, out var inner));
                patches.InsertRange(0, inner);
            }
            else
            {
                notes.Add($"{display}:{entry.Location.Line}: component '{entry.Text}' is absent; not audited.");
            }
        }

        if (k.TextAt("kind") == "Component")
        {
            componentPatches = patches;
        }
        else
        {
            foreach (var (patch, target, file) in patches)
            {
                ApplyPatch(objects, patch, target, file);
            }
        }

        ApplyImages(objects, k);
        if (k["namespace"] is { Text: { Length: > 0 } ns } nsNode)
        {
            SetNamespace(objects, ns, nsNode.Location);
        }

        foreach (var field in UnappliedKustomizeFields)
        {
            if (k[field] is not null)
            {
                notes.Add($"{display}: '{field}' is not applied by the audit; audit the output of 'kustomize build' for exact names and values.");
            }
        }

        return objects;
    }

    private void AddPatch(string directory, string display, string? path, YNode? inline, YNode? target, SourceLocation at, List<(YNode, YNode?, string)> patches)
    {
        if (path is not null)
        {
            var full = Path.Combine(directory, path);
            if (!File.Exists(full))
            {
                notes.Add($"{display}:{at.Line}: patch '{path}' is absent; not applied.");
                return;
            }

            foreach (var document in ReadDocuments(full))
            {
                patches.Add((document, target, DisplayPath(full)));
            }
        }
        else if (inline is not null)
        {
            var parsed = YamlTree.ParseEmbedded(inline, Budget.Limits);
            if (parsed is not null)
            {
                patches.Add((parsed, target, display));
            }
        }
    }

    private void ApplyPatch(List<KubeObject> objects, YNode patch, YNode? target, string file)
    {
        if (patch is YSeq operations)
        {
            if (target is null)
            {
                notes.Add($"{file}: a JSON patch without a target; not applied.");
                return;
            }

            var matched = objects.Where(o => Matches(o, target)).ToList();
            if (matched.Count == 0)
            {
                notes.Add($"{file}: the patch's target matches no object; not applied.");
            }

            foreach (var o in matched)
            {
                foreach (var op in operations.Children)
                {
                    if (!JsonPatch.Apply(o.Root, op, out var error))
                    {
                        notes.Add($"{file}:{op.Location.Line}: {error}; not applied to {o.Ref}.");
                    }
                }
            }

            return;
        }

        if (patch is not YMap map)
        {
            return;
        }

        var selector = target ?? map;
        var kind = target?.TextAt("kind") ?? map.TextAt("kind");
        var name = target?.TextAt("name") ?? map.TextAt("metadata", "name");
        var hits = objects.Where(o => (kind is null || o.Kind == kind) && (name is null || o.Name == name) &&
                                      (selector.TextAt("namespace") ?? selector.TextAt("metadata", "namespace")) is var ns && (ns is null || o.Namespace is null || o.Namespace == ns)).ToList();
        if (hits.Count == 0)
        {
            notes.Add($"{file}: the patch for {kind}/{name} matches no object; not applied.");
        }

        foreach (var o in hits)
        {
            StrategicMerge.Merge(o.Root, map);
        }
    }

    private static bool Matches(KubeObject o, YNode target) =>
        (target.TextAt("kind") is not { } kind || o.Kind == kind) &&
        (target.TextAt("name") is not { } name || o.Name == name) &&
        (target.TextAt("namespace") is not { } ns || o.Namespace is null || o.Namespace == ns) &&
        (target.TextAt("group") is not { } group || o.Group == group);

    private static void SetNamespace(List<KubeObject> objects, string ns, SourceLocation at)
    {
        foreach (var o in objects)
        {
            if (!o.IsClusterScoped)
            {
                var metadata = o.Root["metadata"] as YMap;
                if (metadata is null)
                {
                    metadata = new YMap(o.Location);
                    o.Root.Set("metadata", metadata);
                }

                metadata.Set("namespace", new YScalar(at, ns));
            }

            if (o.Kind is "RoleBinding" or "ClusterRoleBinding")
            {
                foreach (var subject in o.Root.Items("subjects").OfType<YMap>())
                {
                    if (subject.TextAt("kind") == "ServiceAccount" && subject.TextAt("namespace") is null)
                    {
                        subject.Set("namespace", new YScalar(at, ns));
                    }
                }
            }
        }
    }

    private static void ApplyImages(List<KubeObject> objects, YNode k)
    {
        foreach (var image in k.Items("images"))
        {
            if (image.TextAt("name") is not { } name)
            {
                continue;
            }

            foreach (var container in objects.SelectMany(PodTemplates.ContainersOf).OfType<YMap>())
            {
                var reference = container.TextAt("image") ?? "";
                var repository = ImageReference.Parse(reference).Repository;
                if (repository != name)
                {
                    continue;
                }

                var newName = image.TextAt("newName") ?? repository;
                var tag = image.TextAt("newTag") is { } t ? ":" + t : (ImageReference.Parse(reference).Tag is { } old ? ":" + old : "");
                var digest = image.TextAt("digest") is { } d ? "@" + d : "";
                container.Set("image", new YScalar(image.Location, newName + (digest.Length > 0 ? "" : tag) + digest));
            }
        }
    }
}

/// <summary>Small helpers over YAML sequences.</summary>
internal static class YNodeExtensions
{
    public static IReadOnlyList<YNode> Items(this YNode node, string key) => node[key]?.Items ?? [];
}
