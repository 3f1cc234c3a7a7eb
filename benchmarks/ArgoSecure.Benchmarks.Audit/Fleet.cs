using ArgoSecure.Audit;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ArgoSecure.Benchmarks.Audit;

/// <summary>
/// A fleet of Argo installs as one input: renamed copies of the upstream cluster install (the
/// <c>cluster-install-no-crds</c> kustomization, read with the audit's own kustomize reader) and the upstream CRDs once.
/// Copy <c>i</c> lives in namespace <c>argo-i</c>; its cluster-scoped objects (ClusterRoles, ClusterRoleBindings, the
/// PriorityClass) and every reference to them get the suffix <c>-i</c>, so no two copies share an object.
/// Compiled into the audit benchmark and linked into the tests.
/// </summary>
public static class Fleet
{
    /// <summary>The namespace the upstream kustomization sets.</summary>
    public const string UpstreamNamespace = "argo";

    /// <summary>The namespace of copy <paramref name="index"/>.</summary>
    public static string Namespace(int index) => $"{UpstreamNamespace}-{index}";

    /// <summary>Reads the upstream cluster install (without CRDs) from the upstream <c>manifests</c> folder.</summary>
    public static IReadOnlyList<KubeObject> LoadInstall(string manifests) =>
        new ManifestLoader().Load([Path.Combine(manifests, "cluster-install-no-crds")]);

    /// <summary>Reads the upstream CRDs (the minimal ones: the full ones are not in the upstream copy).</summary>
    public static IReadOnlyList<KubeObject> LoadCrds(string manifests) =>
        new ManifestLoader().Load([Path.Combine(manifests, "base", "crds", "minimal")]);

    /// <summary>Copy <paramref name="index"/> of an install: deep copies, renamed.</summary>
    public static IEnumerable<KubeObject> Copy(IReadOnlyList<KubeObject> install, int index)
    {
        ArgumentNullException.ThrowIfNull(install);
        var suffix = $"-{index}";
        var ns = Namespace(index);
        foreach (var original in install)
        {
            var o = new KubeObject((YMap)original.Root.Clone());
            var metadata = (YMap)o.Root["metadata"]!;
            if (o.IsClusterScoped)
            {
                Rename(metadata, "name", suffix);
            }
            else
            {
                metadata.Set("namespace", new YScalar(metadata.Location, ns));
            }

            if (o.Root["roleRef"] is YMap roleRef && roleRef.TextAt("kind") == "ClusterRole")
            {
                Rename(roleRef, "name", suffix);
            }

            foreach (var subject in o.Root["subjects"]?.Items.OfType<YMap>() ?? [])
            {
                if (subject.TextAt("kind") == "ServiceAccount")
                {
                    subject.Set("namespace", new YScalar(subject.Location, ns));
                }
            }

            if (o.Root.At("spec", "template", "spec") is YMap pod && pod["priorityClassName"] is not null)
            {
                Rename(pod, "priorityClassName", suffix);
            }

            yield return o;
        }
    }

    /// <summary>The whole fleet: the CRDs, then <paramref name="installs"/> copies.</summary>
    public static IEnumerable<KubeObject> Build(string manifests, int installs)
    {
        var install = LoadInstall(manifests);
        return LoadCrds(manifests).Concat(Enumerable.Range(1, installs).SelectMany(i => Copy(install, i)));
    }

    /// <summary>Writes objects as multi-document YAML (block style; literal blocks stay literal).</summary>
    public static void WriteYaml(TextWriter writer, IEnumerable<KubeObject> objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var emitter = new Emitter(writer);
        emitter.Emit(new StreamStart());
        foreach (var o in objects)
        {
            emitter.Emit(new DocumentStart(null, null, isImplicit: false));
            Emit(emitter, o.Root);
            emitter.Emit(new DocumentEnd(isImplicit: true));
        }

        emitter.Emit(new StreamEnd());
    }

    private static void Emit(Emitter emitter, YNode node)
    {
        switch (node)
        {
            case YMap map:
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, isImplicit: true, MappingStyle.Block));
                foreach (var (key, value) in map.Entries)
                {
                    emitter.Emit(new Scalar(key));
                    Emit(emitter, value);
                }

                emitter.Emit(new MappingEnd());
                break;
            case YSeq seq:
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, isImplicit: true, SequenceStyle.Block));
                foreach (var child in seq.Children)
                {
                    Emit(emitter, child);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case YScalar scalar:
                var style = scalar.IsNull ? ScalarStyle.Plain : scalar.IsBlock ? ScalarStyle.Literal : ScalarStyle.Any;
                emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, scalar.IsNull ? "null" : scalar.Value, style, isPlainImplicit: true, isQuotedImplicit: true));
                break;
        }
    }

    private static void Rename(YMap map, string key, string suffix)
    {
        var value = map[key];
        map.Set(key, new YScalar(value?.Location ?? map.Location, (value?.Text ?? "") + suffix));
    }
}
