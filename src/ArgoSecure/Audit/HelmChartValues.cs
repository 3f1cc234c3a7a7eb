namespace ArgoSecure.Audit;

/// <summary>
/// Reads a values file of the <c>argo-workflows</c> Helm chart (argo-helm 0.45.21 to 1.0.18) against the chart's defaults and
/// builds the objects the chart would install, as far as the audit's rules need them. The chart defaults that matter
/// are written here as facts (not a copy of the chart's values.yaml): <c>server.secure: false</c>,
/// <c>server.authModes: []</c> (client), <c>server.sso.enabled: false</c> with <c>rbac.enabled: true</c>,
/// <c>controller.metricsConfig.enabled: false</c> (the binary's TLS metrics apply) and <c>secure: false</c> when
/// enabled, <c>controller.workflowDefaults</c> and <c>workflowRestrictions</c> unset, <c>createAggregateRoles: true</c>,
/// no NetworkPolicies, a server (Cluster)Role that reads every Secret unless SSO RBAC has a <c>secretWhitelist</c>, and
/// the pods' security contexts, resources and probes (see <see cref="ContainerSecurityContext"/> and <see cref="Probes"/>).
/// Values the chart renders elsewhere (extraObjects) are read as manifests.
/// </summary>
public sealed class HelmChartValues
{
    /// <summary>
    /// The chart versions whose defaults this model holds, from the release catalogue: the 3.7 and 4.0 charts set alike
    /// what the rules read (docs/least-privilege.md, Releases); no chart ships 4.1.
    /// </summary>
    public static string KnownCharts { get; } = "charts " + string.Join(" and ",
        Releases.ArgoReleases.All.Where(r => r.HelmCharts is not null).Select(r => $"{r.HelmCharts} for Argo {r.Line}"));

    /// <summary>The chart's appVersion, the tag its images get when <c>images.tag</c> is empty.</summary>
    public const string ChartAppVersion = "v4.0.6";

    private readonly YMap values;
    private readonly SourceLocation chartDefault;
    private readonly List<string> notes = [];

    private HelmChartValues(YMap values, string file)
    {
        this.values = values;
        chartDefault = new SourceLocation(file, 0);
    }

    /// <summary>The objects the chart would install (modelled), with locations in the values file (line 0: a chart default).</summary>
    public List<KubeObject> Objects { get; } = [];

    /// <summary>What the model does not cover.</summary>
    public IReadOnlyList<string> Notes => notes;

    /// <summary>Reads a values file; throws <see cref="AuditInputException"/> or <see cref="Input.InputLimitException"/> when it cannot.</summary>
    public static HelmChartValues Load(string file, ManifestLoader loader)
    {
        ArgumentNullException.ThrowIfNull(loader);
        if (!File.Exists(file))
        {
            throw new AuditInputException(file, "no such values file.", "Give the path of a values file of the argo-workflows chart to --helm-values.");
        }

        return From(loader.ReadDocuments(file), ManifestLoader.DisplayPath(file));
    }

    /// <summary>Reads values already in memory (standard input, a test) under the loader's budget, as a file named <paramref name="name"/>.</summary>
    public static HelmChartValues Read(string text, string name, ManifestLoader loader)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(loader);
        loader.Budget.Charge(text, name);
        return From(YamlTree.ParseDocuments(text, name, loader.Budget), name);
    }

    private static HelmChartValues From(IReadOnlyList<YNode> documents, string display)
    {
        var root = documents.Count == 0 || documents[0] is YScalar { IsNull: true } ? new YMap(new SourceLocation(display, 1)) : documents[0] as YMap;
        if (root is null)
        {
            throw new AuditInputException(display, "is not a Helm values file (its top level is not a mapping).", "Give a values file such as the chart's values.yaml.");
        }

        if (root["apiVersion"] is not null && root["kind"] is not null)
        {
            throw new AuditInputException(display, "is a Kubernetes manifest, not a Helm values file.", "Pass manifests as PATH arguments and only values files to --helm-values.");
        }

        var chart = new HelmChartValues(root, display);
        chart.Build();
        return chart;
    }

    private YNode? V(params string[] path) => values.At(path) is { } n && n is not YScalar { IsNull: true } ? n : null;

    private bool Bool(bool fallback, params string[] path) => YNode.ParseBool(V(path)?.Text) ?? fallback;

    private string Text(string fallback, params string[] path) => V(path)?.Text is { Length: > 0 } t ? t : fallback;

    private SourceLocation At(params string[] path) => V(path)?.Location ?? chartDefault;

    private YScalar S(string value, SourceLocation? at = null) => new(at ?? chartDefault, value);

    private YMap M(SourceLocation? at, params (string Key, YNode? Value)[] entries)
    {
        var map = new YMap(at ?? chartDefault);
        foreach (var (key, value) in entries)
        {
            if (value is not null)
            {
                map.Set(key, value);
            }
        }

        return map;
    }

    private YSeq L(SourceLocation? at, IEnumerable<YNode> items)
    {
        var seq = new YSeq(at ?? chartDefault);
        seq.Children.AddRange(items);
        return seq;
    }

    private void Build()
    {
        var fullname = Text("argo-workflows", "fullnameOverride");
        var ns = V("namespaceOverride")?.Text is { Length: > 0 } n ? n : null;
        var singleNamespace = Bool(false, "singleNamespace");
        var configMapName = Text(fullname + "-workflow-controller-configmap", "controller", "configMap", "name");
        var tag = Text(ChartAppVersion, "images", "tag");

        // Controller Deployment.
        var controllerArgs = new List<YNode> { S("--configmap"), S(configMapName), S("--executor-image"), S(Image("executor", "argoexec", tag), V("executor", "image", "tag")?.Location ?? V("images", "tag")?.Location) };
        if (singleNamespace)
        {
            controllerArgs.Add(S("--namespaced", At("singleNamespace")));
        }

        controllerArgs.AddRange(V("controller", "extraArgs")?.Items ?? []);
        Objects.Add(Deployment(fullname + "-workflow-controller", ns, "controller", Image("controller", "workflow-controller", tag),
            controllerArgs, V("controller", "extraEnv"), Text(fullname + "-workflow-controller", "controller", "serviceAccount", "name"),
            V("controller", "deploymentAnnotations"), "controller"));

        // ConfigMap, as the chart writes it.
        var data = M(At("controller"));
        if (V("controller", "workflowDefaults") is YMap { Entries.Count: > 0 } defaults)
        {
            data.Set("workflowDefaults", defaults);
        }

        if (V("controller", "workflowRestrictions") is YMap { Entries.Count: > 0 } restrictions)
        {
            data.Set("workflowRestrictions", restrictions);
        }

        if (Bool(false, "controller", "metricsConfig", "enabled"))
        {
            data.Set("metricsConfig", M(At("controller", "metricsConfig"),
                ("enabled", S("true", At("controller", "metricsConfig", "enabled"))),
                ("secure", S(Bool(false, "controller", "metricsConfig", "secure") ? "true" : "false", At("controller", "metricsConfig", "secure")))));
        }

        if (V("controller", "persistence") is YMap { Entries.Count: > 0 } persistence)
        {
            data.Set("persistence", persistence);
        }

        if (V("mainContainer", "securityContext") is YMap { Entries.Count: > 0 } mainSc)
        {
            data.Set("mainContainer", M(mainSc.Location, ("securityContext", mainSc)));
        }

        var ssoEnabled = Bool(false, "server", "sso", "enabled");
        var ssoRbac = Bool(true, "server", "sso", "rbac", "enabled");
        if (ssoEnabled)
        {
            var sso = M(At("server", "sso"),
                ("issuer", V("server", "sso", "issuer")),
                ("clientId", V("server", "sso", "clientId") ?? M(null, ("name", S("argo-server-sso")), ("key", S("client-id")))),
                ("clientSecret", V("server", "sso", "clientSecret") ?? M(null, ("name", S("argo-server-sso")), ("key", S("client-secret")))),
                ("rbac", M(At("server", "sso", "rbac"), ("enabled", S(ssoRbac ? "true" : "false", At("server", "sso", "rbac", "enabled"))))),
                ("insecureSkipVerify", V("server", "sso", "insecureSkipVerify")));
            data.Set("sso", sso);
        }

        Objects.Add(new KubeObject(M(null, ("apiVersion", S("v1")), ("kind", S("ConfigMap")),
            ("metadata", M(null, ("name", S(configMapName)), ("namespace", ns is null ? null : S(ns)))),
            ("data", data))));

        if (Bool(true, "server", "enabled"))
        {
            BuildServer(fullname, ns, configMapName, tag, singleNamespace, ssoEnabled, ssoRbac);
        }

        if (Bool(true, "createAggregateRoles"))
        {
            var rule = M(At("createAggregateRoles"),
                ("apiGroups", L(null, [S("argoproj.io")])),
                ("resources", L(null, [S("workflows"), S("workflowtemplates"), S("cronworkflows")])),
                ("verbs", L(null, [S("create"), S("delete"), S("get"), S("list"), S("patch"), S("update"), S("watch")])));
            foreach (var role in new[] { "edit", "admin" })
            {
                Objects.Add(new KubeObject(M(At("createAggregateRoles"), ("apiVersion", S("rbac.authorization.k8s.io/v1")), ("kind", S("ClusterRole")),
                    ("metadata", M(null, ("name", S($"{fullname}-{role}")), ("labels", M(null, ($"rbac.authorization.k8s.io/aggregate-to-{role}", S("true")))))),
                    ("rules", L(null, [rule.Clone()])))));
            }
        }

        foreach (var extra in V("extraObjects")?.Items ?? [])
        {
            if (extra is YMap map && map.TextAt("kind") is not null)
            {
                Objects.Add(new KubeObject(map));
            }
            else
            {
                notes.Add($"{extra.Location}: an extraObjects entry that is not a Kubernetes object (a template string?) is not audited; audit 'helm template' output for it.");
            }
        }

        notes.Add($"{chartDefault.File}: read against the argo-workflows chart defaults ({KnownCharts}); only the settings ArgoSecure's rules look at are modelled. Audit 'helm template' output for an exact picture.");
    }

    private void BuildServer(string fullname, string? ns, string configMapName, string tag, bool singleNamespace, bool ssoEnabled, bool ssoRbac)
    {
        var args = new List<YNode> { S("server"), S("--configmap=" + configMapName) };
        args.AddRange(V("server", "extraArgs")?.Items ?? []);
        if (V("server", "authMode") is { Text.Length: > 0 } single)
        {
            args.Add(S("--auth-mode=" + single.Text, single.Location));
        }

        foreach (var mode in V("server", "authModes")?.Items ?? [])
        {
            args.Add(S("--auth-mode=" + mode.Text, mode.Location));
        }

        args.Add(S("--secure=" + (Bool(false, "server", "secure") ? "true" : "false"), At("server", "secure")));
        if (singleNamespace)
        {
            args.Add(S("--namespaced", At("singleNamespace")));
        }

        var sa = Text(fullname + "-server", "server", "serviceAccount", "name");
        Objects.Add(Deployment(fullname + "-server", ns, "server", Image("server", "argocli", tag), args, V("server", "extraEnv"), sa,
            V("server", "deploymentAnnotations"), "argo-server"));

        if (!Bool(true, "server", "rbac", "create"))
        {
            return;
        }

        var whitelist = V("server", "sso", "rbac", "secretWhitelist")?.Items ?? [];
        var secretRule = M(At("server", "sso"), ("apiGroups", L(null, [S("")])), ("resources", L(null, [S("secrets")])), ("verbs", L(null, [S("get")])));
        if (ssoEnabled && ssoRbac && whitelist.Count > 0)
        {
            secretRule.Set("resourceNames", L(null, whitelist));
        }

        var writeRule = M(null, ("apiGroups", L(null, [S("argoproj.io")])),
            ("resources", L(null, [S("workflows"), S("workflowtemplates"), S("cronworkflows")])),
            ("verbs", L(null, [S("create"), S("get"), S("list"), S("watch"), S("update"), S("patch"), S("delete")])));
        var roleKind = singleNamespace ? "Role" : "ClusterRole";
        Objects.Add(new KubeObject(M(null, ("apiVersion", S("rbac.authorization.k8s.io/v1")), ("kind", S(roleKind)),
            ("metadata", M(null, ("name", S(fullname + "-server")), ("namespace", singleNamespace && ns is not null ? S(ns) : null))),
            ("rules", L(null, [secretRule, writeRule])))));
        Objects.Add(new KubeObject(M(null, ("apiVersion", S("rbac.authorization.k8s.io/v1")), ("kind", S(singleNamespace ? "RoleBinding" : "ClusterRoleBinding")),
            ("metadata", M(null, ("name", S(fullname + "-server")), ("namespace", singleNamespace && ns is not null ? S(ns) : null))),
            ("roleRef", M(null, ("apiGroup", S("rbac.authorization.k8s.io")), ("kind", S(roleKind)), ("name", S(fullname + "-server")))),
            ("subjects", L(null, [M(null, ("kind", S("ServiceAccount")), ("name", S(sa)), ("namespace", ns is null ? null : S(ns)))])))));
    }

    private string Image(string component, string name, string tag)
    {
        var registry = Text("quay.io", component, "image", "registry");
        var repository = Text("argoproj/" + name, component, "image", "repository");
        var imageTag = Text(tag, component, "image", "tag");
        return $"{registry}/{repository}:{imageTag}";
    }

    private KubeObject Deployment(string name, string? ns, string component, string image, List<YNode> args, YNode? env, string serviceAccount, YNode? annotations, string containerName)
    {
        var imageAt = V(component, "image", "tag")?.Location ?? V("images", "tag")?.Location;
        var container = M(At(component), ("name", S(containerName)), ("image", S(image, imageAt)), ("args", L(null, args)), ("env", env),
            ("securityContext", ContainerSecurityContext(component)), ("resources", V(component, "resources")));
        foreach (var (probe, value) in Probes(component))
        {
            container.Set(probe, value);
        }

        var podLabels = M(null, ("app.kubernetes.io/component", S(component == "server" ? "server" : "workflow-controller")), ("app.kubernetes.io/name", S(name)));
        return new KubeObject(M(At(component), ("apiVersion", S("apps/v1")), ("kind", S("Deployment")),
            ("metadata", M(null, ("name", S(name)), ("namespace", ns is null ? null : S(ns)), ("annotations", annotations))),
            ("spec", M(null, ("template", M(null,
                ("metadata", M(null, ("labels", podLabels))),
                ("spec", M(null, ("serviceAccountName", S(serviceAccount)), ("securityContext", V(component, "podSecurityContext")), ("containers", L(null, [container]))))))))));
    }

    /// <summary>
    /// The container's security context: the chart's default (read-only root filesystem for the controller, not for the
    /// server; non-root, no privilege escalation, every capability dropped; no seccomp profile) with the values merged
    /// over it, as Helm merges maps (a null value removes a default).
    /// </summary>
    private YMap ContainerSecurityContext(string component)
    {
        var context = M(null,
            ("readOnlyRootFilesystem", S(component == "server" ? "false" : "true")),
            ("runAsNonRoot", S("true")),
            ("allowPrivilegeEscalation", S("false")),
            ("capabilities", M(null, ("drop", L(null, [S("ALL")])))));
        if (values.At(component, "securityContext") is YMap given)
        {
            StrategicMerge.Merge(context, given);
        }

        return context;
    }

    /// <summary>
    /// The probes the chart renders: the controller a livenessProbe (<c>controller.livenessProbe</c>, on by default) and no
    /// readinessProbe; the server a readinessProbe always and a livenessProbe when <c>server.livenessProbe.enabled</c>.
    /// </summary>
    private IEnumerable<(string Probe, YNode Value)> Probes(string component)
    {
        var http = (string path, string port) => M(null, ("httpGet", M(null, ("path", S(path)), ("port", S(port)))));
        if (component == "server")
        {
            yield return ("readinessProbe", http("/", "2746"));
            if (Bool(false, "server", "livenessProbe", "enabled"))
            {
                yield return ("livenessProbe", M(At("server", "livenessProbe", "enabled"), ("httpGet", M(null, ("path", S("/")), ("port", S("2746"))))));
            }
        }
        else if (values.At("controller", "livenessProbe") is not YScalar { IsNull: true })
        {
            yield return ("livenessProbe", V("controller", "livenessProbe") ?? http("/healthz", "6060"));
        }
    }
}
