using System.Globalization;
using System.Text;
using ArgoSecure.Audit;
using ArgoSecure.Benchmarks.Audit;

namespace ArgoSecure.Tests.TestSupport;

/// <summary>
/// What <c>kubectl get ... -o yaml</c> prints for objects once a cluster runs them: one <c>kind: List</c> whose items
/// carry what the API server and the controllers add (uid, resourceVersion, managedFields, the last-applied
/// annotation, status, ReplicaSets and Pods with generated names), and the built-in aggregated <c>edit</c> and
/// <c>admin</c> ClusterRoles holding the rules aggregated into them. The fields and shapes are those of Kubernetes'
/// API (ObjectMeta, ReplicaSet, Pod, the rbac-defaults bootstrap roles); the values are invented.
/// </summary>
internal static class LiveCluster
{
    private static readonly SourceLocation Here = new("live", 0);

    /// <summary>The objects as one kubectl List, as YAML.</summary>
    public static string Dump(IEnumerable<KubeObject> objects)
    {
        var applied = objects.ToList();
        var items = new YSeq(Here);
        var serial = 0;
        foreach (var o in applied)
        {
            items.Children.Add(Live(o.Root, ++serial));
            if (o.Kind == "Deployment")
            {
                // The ReplicaSet and Pod the controllers make from it: owned, with generated names.
                var hash = $"7d9f8b{serial:D3}";
                var replicaSet = Owned(o, "ReplicaSet", "apps/v1", $"{o.Name}-{hash}", ++serial);
                replicaSet.Set("spec", o.Root["spec"]!.Clone());
                items.Children.Add(replicaSet);
                var pod = Owned(o, "Pod", "v1", $"{o.Name}-{hash}-x{serial:D4}", ++serial, ownerKind: "ReplicaSet", ownerName: $"{o.Name}-{hash}");
                ((YMap)pod["metadata"]!).Set("generateName", S($"{o.Name}-{hash}-"));
                pod.Set("spec", o.Root.At("spec", "template", "spec")!.Clone());
                pod.Set("status", Map(("phase", S("Running")), ("podIP", S("10.244.0.12"))));
                items.Children.Add(pod);
            }
        }

        // The built-in aggregated roles, filled by the cluster with every rule aggregated into them.
        foreach (var builtIn in new[] { "edit", "admin" })
        {
            var rules = new YSeq(Here);
            rules.Children.Add(Map(("apiGroups", Seq("")), ("resources", Seq("configmaps", "secrets")), ("verbs", Seq("create", "delete", "patch", "update"))));
            foreach (var role in applied.Where(r => r.Kind == "ClusterRole" && r.Labels.TryGetValue($"rbac.authorization.k8s.io/aggregate-to-{builtIn}", out var v) && v == "true"))
            {
                rules.Children.AddRange(role.Root.Items("rules").Select(r => r.Clone()));
            }

            var labels = Map(("kubernetes.io/bootstrapping", S("rbac-defaults")));
            if (builtIn == "edit")
            {
                labels.Set("rbac.authorization.k8s.io/aggregate-to-admin", S("true"));
            }

            var clusterRole = Map(
                ("apiVersion", S("rbac.authorization.k8s.io/v1")),
                ("kind", S("ClusterRole")),
                ("metadata", Map(("name", S(builtIn)), ("labels", labels), ("annotations", Map(("rbac.authorization.kubernetes.io/autoupdate", S("true")))))),
                ("aggregationRule", Map(("clusterRoleSelectors", Seq(Map(("matchLabels", Map(($"rbac.authorization.k8s.io/aggregate-to-{builtIn}", S("true"))))))))),
                ("rules", rules));
            items.Children.Add(Live(clusterRole, ++serial));
        }

        var list = Map(("apiVersion", S("v1")), ("kind", S("List")), ("items", items), ("metadata", Map(("resourceVersion", S("")))));
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Fleet.WriteYaml(writer, [new KubeObject(list)]);
        return writer.ToString();
    }

    /// <summary>A copy of an applied object with what the API server adds to every object.</summary>
    private static YMap Live(YMap applied, int serial)
    {
        var o = (YMap)applied.Clone();
        var metadata = (YMap)o["metadata"]!;
        var lastApplied = new StringBuilder();
        lastApplied.Append(CultureInfo.InvariantCulture, $"{{\"apiVersion\":\"{o.TextAt("apiVersion")}\",\"kind\":\"{o.TextAt("kind")}\",\"metadata\":{{\"name\":\"{metadata.TextAt("name")}\"}}}}\n");
        var annotations = metadata["annotations"] as YMap ?? Map();
        annotations.Set("kubectl.kubernetes.io/last-applied-configuration", S(lastApplied.ToString()));
        metadata.Set("annotations", annotations);
        metadata.Set("uid", S($"5b0c3a7e-0000-4000-8000-{serial:D12}"));
        metadata.Set("resourceVersion", S((1000 + serial).ToString(CultureInfo.InvariantCulture)));
        metadata.Set("creationTimestamp", S("2026-11-30T10:00:00Z"));
        metadata.Set("generation", S("1"));
        // Field paths of the last apply, naming fields a finding is about: read as data, never as the fields themselves.
        var podFields = Map(("f:hostNetwork", Map()), ("f:securityContext", Map(("f:privileged", Map()))));
        var fields = Map(
            ("f:metadata", Map(("f:annotations", Map((".", Map()), ("f:kubectl.kubernetes.io/last-applied-configuration", Map()))))),
            ("f:spec", Map(("f:template", Map(("f:spec", podFields))))));
        var entry = Map(
            ("apiVersion", o["apiVersion"]!.Clone()),
            ("fieldsType", S("FieldsV1")),
            ("fieldsV1", fields),
            ("manager", S("kubectl-client-side-apply")),
            ("operation", S("Update")),
            ("time", S("2026-11-30T10:00:00Z")));
        metadata.Set("managedFields", Seq(entry));
        if (o.TextAt("kind") is "Deployment")
        {
            o.Set("status", Map(("availableReplicas", S("1")), ("readyReplicas", S("1")), ("replicas", S("1")), ("observedGeneration", S("1")),
                ("conditions", Seq(Map(("type", S("Available")), ("status", S("True")), ("reason", S("MinimumReplicasAvailable")))))));
        }

        if (o.TextAt("kind") is "Secret" && o["stringData"] is YMap stringData)
        {
            // The API server stores stringData into data and never returns it.
            var data = o["data"] as YMap ?? Map();
            foreach (var (key, value) in stringData.Entries)
            {
                data.Set(key, S(Convert.ToBase64String(Encoding.UTF8.GetBytes(value.Text ?? ""))));
            }

            o.Remove("stringData");
            o.Set("data", data);
        }

        if (o.TextAt("kind") is "Workflow")
        {
            // The controller stores the templates it ran in status; they are copies, not what the user asked for.
            var name = metadata.TextAt("name") ?? "wf";
            metadata.Set("generateName", S(name + "-"));
            o.Set("status", Map(("phase", S("Succeeded")), ("startedAt", S("2026-11-30T10:00:00Z")),
                ("storedTemplates", Map(("namespaced/" + name + "/main", Map(("name", S("main")),
                    ("container", Map(("image", S("busybox:latest")), ("securityContext", Map(("privileged", S("true")), ("runAsUser", S("0")))))))))),
                ("nodes", Map((name, Map(("id", S(name)), ("type", S("Pod")), ("phase", S("Succeeded")), ("hostNodeName", S("node-1"))))))));
        }

        return o;
    }

    private static YMap Owned(KubeObject owner, string kind, string apiVersion, string name, int serial, string? ownerKind = null, string? ownerName = null)
    {
        var metadata = Map(("name", S(name)), ("namespace", S(owner.Namespace ?? "default")),
            ("labels", owner.Root.At("spec", "template", "metadata", "labels")?.Clone() ?? Map()),
            ("ownerReferences", Seq(Map(("apiVersion", S("apps/v1")), ("kind", S(ownerKind ?? owner.Kind)), ("name", S(ownerName ?? owner.Name)),
                ("uid", S($"5b0c3a7e-0000-4000-8000-{serial - 1:D12}")), ("controller", S("true")), ("blockOwnerDeletion", S("true"))))));
        return Live(Map(("apiVersion", S(apiVersion)), ("kind", S(kind)), ("metadata", metadata)), serial);
    }

    private static YScalar S(string value) => new(Here, value);

    private static YMap Map(params (string Key, YNode Value)[] entries)
    {
        var map = new YMap(Here);
        foreach (var (key, value) in entries)
        {
            map.Set(key, value);
        }

        return map;
    }

    private static YSeq Seq(params string[] values)
    {
        var seq = new YSeq(Here);
        seq.Children.AddRange(values.Select(S));
        return seq;
    }

    private static YSeq Seq(params YNode[] nodes)
    {
        var seq = new YSeq(Here);
        seq.Children.AddRange(nodes);
        return seq;
    }
}
