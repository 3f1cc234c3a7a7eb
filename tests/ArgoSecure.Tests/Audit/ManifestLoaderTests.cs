using ArgoSecure.Audit;
using ArgoSecure.Tests.TestSupport;

namespace ArgoSecure.Tests.Audit;

/// <summary>Reading inputs: lists, folders, kustomizations, patches, and clear errors for what cannot be read.</summary>
public sealed class ManifestLoaderTests : IDisposable
{
    private readonly TempFolder folder = new("argosecure-loader-");

    public void Dispose() => folder.Dispose();

    [Fact]
    public void KubectlList_IsFlattened_WithLinesPerItem()
    {
        var objects = new ManifestLoader().LoadText("""
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: ServiceAccount
              metadata: {name: a, namespace: argo}
            - apiVersion: v1
              kind: ServiceAccount
              metadata: {name: b, namespace: argo}
            """, "list.yaml");

        Assert.Equal(["a", "b"], objects.Select(o => o.Name));
        Assert.Equal([4, 7], objects.Select(o => o.Location.Line));
    }

    [Fact]
    public void EmptyDocuments_AndAnchors_AreRead()
    {
        var objects = new ManifestLoader().LoadText("""
            ---
            ---
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: ConfigMap
              metadata: &meta {name: shared, namespace: argo}
            - apiVersion: v1
              kind: Secret
              metadata: *meta
            """, "anchors.yaml");

        // Anchors hold within one document (YAML's rule); the alias is a copy.
        Assert.Equal(["ConfigMap argo/shared", "Secret argo/shared"], objects.Select(o => o.Ref.ToString()));
        Assert.Equal([6, 9], objects.Select(o => o.Location.Line));
    }

    [Fact]
    public void Folder_ReadsOnlyYamlAndJson_AndNotesTheRest()
    {
        folder.Write("a.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n");
        folder.Write("sub/b.json", """{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "b"}}""");
        folder.Write("README.md", "# not a manifest\n");
        folder.Write("Chart.yaml", "apiVersion: v2\nname: chart\n");
        var loader = new ManifestLoader();

        var objects = loader.Load([folder.Root]);

        Assert.Equal(["a", "b"], objects.Select(o => o.Name));
        Assert.Contains(loader.Notes, n => n.EndsWith("README.md: not read (in folders only .yaml, .yml and .json files are read).", StringComparison.Ordinal));
        // Inside a folder a YAML document that is not an object is noted, not fatal; given by name it is an error.
        Assert.Contains(loader.Notes, n => n.Contains("Chart.yaml:1: not a Kubernetes object", StringComparison.Ordinal));
    }

    [Fact]
    public void Kustomization_AppliesNamespaceAndJsonPatches_AndNeverReadsPatchesAsObjects()
    {
        folder.Write("app/deploy.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: workflow-controller}
            spec:
              template:
                spec:
                  containers:
                  - name: workflow-controller
                    image: quay.io/argoproj/workflow-controller:v4.1.2
                    args: []
            """);
        folder.Write("app/patch.yaml", "- op: add\n  path: /spec/template/spec/containers/0/args/-\n  value: --namespaced\n");
        folder.Write("app/kustomization.yaml", """
            resources: [deploy.yaml, missing.yaml]
            namespace: argo
            patches:
            - path: patch.yaml
              target: {kind: Deployment, name: workflow-controller}
            images:
            - name: quay.io/argoproj/workflow-controller
              newTag: v4.1.1
            """);
        var loader = new ManifestLoader();

        var objects = loader.Load([Path.Combine(folder.Root, "app")]);

        var deployment = Assert.Single(objects);
        Assert.Equal("argo", deployment.Namespace);
        var container = deployment.Root.At("spec", "template", "spec", "containers")!.Items[0];
        Assert.Equal(["--namespaced"], container.Items("args").Select(a => a.Text));
        Assert.Equal("quay.io/argoproj/workflow-controller:v4.1.1", container.TextAt("image"));
        Assert.Contains(loader.Notes, n => n.Contains("'missing.yaml' is listed but absent", StringComparison.Ordinal));
    }

    [Fact]
    public void LoosePatchFile_IsNoted_NotAnError()
    {
        var loader = new ManifestLoader();

        var objects = loader.Load([folder.Write("overlay.yaml", "- op: add\n  path: /spec/x\n  value: 1\n")]);

        Assert.Empty(objects);
        Assert.Contains(loader.Notes, n => n.Contains("a JSON patch, not an object", StringComparison.Ordinal));
    }

    [Fact]
    public void BadYaml_NamesTheFileAndTheLine()
    {
        var path = folder.Write("bad.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [unclosed\n");

        var e = Assert.Throws<AuditInputException>(() => new ManifestLoader().Load([path]));

        Assert.EndsWith("bad.yaml", e.Input, StringComparison.Ordinal);
        Assert.Contains("line", e.Reason, StringComparison.Ordinal);
        Assert.Contains("not valid YAML", e.Reason, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(e.Fix));
    }

    [Fact]
    public void MissingPath_AndNonObjects_AreErrors()
    {
        var missing = Path.Combine(folder.Root, "nope.yaml");
        Assert.Contains("no such file or folder", Assert.Throws<AuditInputException>(() => new ManifestLoader().Load([missing])).Reason, StringComparison.Ordinal);

        var values = folder.Write("values.yaml", "server:\n  secure: false\n");
        var e = Assert.Throws<AuditInputException>(() => new ManifestLoader().Load([values]));
        Assert.Contains("--helm-values", e.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfigMapEntries_KeepTheLinesOfTheManifest()
    {
        var objects = new ManifestLoader().LoadText("""
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: workflow-controller-configmap}
            data:
              workflowDefaults: |
                spec:
                  serviceAccountName: default
            """, "cm.yaml");

        var config = ArgoConfig.From(objects[0], []);

        Assert.Equal(7, config["workflowDefaults"]!.At("spec", "serviceAccountName")!.Location.Line);
    }
}
