using ArgoSecure.Rules;
using CsCheck;

namespace ArgoSecure.Tests.Properties;

/// <summary>
/// Random <see cref="ArgoWorkflowsArgs"/>: every knob, mostly with values a user would write and sometimes with insecure
/// or invalid ones (empty, upper case, too long, reserved namespaces, unknown rule IDs, empty justifications), so that
/// validation and the planner both see many combinations.
/// </summary>
internal static class ArgsGen
{
    public static readonly Gen<string> Name = Mostly(
        Gen.OneOf("argo", "argo-system", "team-a", "ci", "batch"),
        Gen.OneOf("", "Bad_Name", new string('x', 70), "argo ", "default", "kube-system"));

    public static readonly Gen<string?> OptionalName = Gen.Null(Name, 0.3);

    public static readonly Gen<string> RuleId = Mostly(Gen.OneOf([.. RuleCatalog.All.Select(r => r.Id)]), Gen.OneOf("ARGO9999", ""));

    public static readonly Gen<RbacSubject> Subject = Gen.Select(Gen.Enum<SubjectKind>(), Name, OptionalName,
        (kind, name, ns) => new RbacSubject { Kind = kind, Name = name, Namespace = ns });

    public static readonly Gen<AcceptedRisk> Risk = Gen.Select(RuleId, Mostly(Gen.Const("a lab cluster"), Gen.OneOf("", "  ")),
        (id, why) => new AcceptedRisk { RuleId = id, Justification = why });

    public static readonly Gen<InstallScope> Scope = Gen.Frequency((2, Gen.Const(InstallScope.Cluster)), (1, Name.Select(InstallScope.Namespaced)));

    public static readonly Gen<PersistenceArgs?> Persistence = Gen.Null(
        Gen.Select(Gen.Enum<DatabaseKind>(), Mostly(Gen.Const(DatabaseTlsMode.VerifyFull), Gen.Enum<DatabaseTlsMode>()), Mostly(Gen.Const("db.databases.svc"), Gen.OneOf("", "10.0.0.5")),
            Gen.OneOf<string?>(null, "10.30.0.0/16", "not-a-cidr"), Gen.Bool,
            (kind, tls, host, cidr, offload) => new PersistenceArgs { Kind = kind, TlsMode = tls, Host = host, Cidr = cidr, NodeStatusOffload = offload }),
        0.7);

    public static readonly Gen<WorkflowPodDefaults> PodDefaults = Mostly(
        Gen.Const(() => new WorkflowPodDefaults()),
        Gen.Select(Gen.OneOf("argo-workflow", "default", ""), Gen.Bool, Gen.Bool, Gen.OneOf(0L, 8737L, -1L),
            (sa, automount, nonRoot, uid) => new WorkflowPodDefaults { ServiceAccountName = sa, AutomountServiceAccountToken = automount, RunAsNonRoot = nonRoot, RunAsUser = uid }));

    public static readonly Gen<ArgoControllerArgs> Controller = Gen.Select(
        Gen.Select(Name, Scope, Gen.Bool, Gen.Bool, Mostly(Gen.Const(true), Gen.Const(false)), Gen.Bool, Mostly(Gen.Int[1, 3], Gen.Int[-1, 0])),
        Gen.Select(Gen.Enum<TemplateReferencing>(), Mostly(Gen.Const(() => new List<string>()), Gen.OneOf("podSpecPatch", "volumes", "activeDeadlineSeconds", "").List[1, 2]), Persistence, PodDefaults),
        Gen.Select(Gen.Bool, Mostly(Gen.Const(true), Gen.Const(false)), OptionalName, Gen.Bool, Mostly(Gen.OneOf("v4.1.2", "v4.1.0", "v4.0.10", "v4.0.3", "v3.7.18", "v3.7.16"), Gen.OneOf("latest", "", "v4.1.2@sha256:x", "v3.6.5", "v4.2.0"))),
        (a, b, c) => new ArgoControllerArgs
        {
            Namespace = a.Item1,
            Scope = a.Item2,
            InstallCrds = a.Item3,
            AdmissionGuard = a.Item4,
            NetworkPolicies = a.Item5,
            Pprof = a.Item6,
            Replicas = a.Item7,
            TemplateReferencing = b.Item1,
            UserOverrideAllowlist = b.Item2,
            Persistence = b.Item3,
            WorkflowDefaults = b.Item4,
            Metrics = new MetricsArgs { Enabled = c.Item1, Secure = c.Item2, ScraperNamespace = c.Item3, ScrapeFromAnyNamespace = c.Item4 },
            Images = new ArgoImages { Version = c.Item5 },
        });

    public static readonly Gen<SsoArgs?> Sso = Gen.Null(
        Gen.Select(Mostly(Gen.Const("https://idp.example.com"), Gen.OneOf("", "http://idp")), Mostly(Gen.Const("https://argo.example.com/oauth2/callback"), Gen.Const("")),
            Gen.Bool, Mostly(Gen.Const(false), Gen.Const(true)),
            (issuer, redirect, rbac, skip) => new SsoArgs { Issuer = issuer, RedirectUrl = redirect, RbacEnabled = rbac, InsecureSkipVerify = skip }),
        0.6);

    public static readonly Gen<ArgoServerArgs?> Server = Gen.Null(
        Gen.Select(
            Gen.Select(Mostly(Gen.Const(() => new List<AuthMode> { AuthMode.Client }), Gen.Enum<AuthMode>().List[0, 3]), Mostly(Gen.Const(true), Gen.Const(false)), Gen.Enum<ServerAccessLevel>(), Sso),
            Gen.Select(Name.List[0, 2], Mostly(Gen.Const<string?>(() => null), Gen.OneOf<string?>("*", "https://ui.example.com")), Gen.Int[1, 2], Mostly(Gen.Const(true), Gen.Const(false))),
            (a, b) => new ArgoServerArgs
            {
                AuthModes = a.Item1,
                Tls = new ServerTlsArgs { Enabled = a.Item2 },
                AccessLevel = a.Item3,
                Sso = a.Item4,
                IngressFromNamespaces = b.Item1,
                AccessControlAllowOrigin = b.Item2,
                Replicas = b.Item3,
                NetworkPolicies = b.Item4,
            }),
        0.2);

    public static readonly Gen<WorkflowNamespaceArgs> WorkflowNamespace = Gen.Select(Name, Gen.Bool, Subject.List[0, 2], Subject.List[0, 2],
        (name, create, submitters, viewers) => new WorkflowNamespaceArgs { Name = name, CreateNamespace = create, Submitters = submitters, Viewers = viewers });

    public static readonly Gen<ArgoWorkflowsArgs> Args = Gen.Select(Controller, Server, WorkflowNamespace.List[0, 3], Risk.List[0, 3],
        (controller, server, namespaces, risks) => new ArgoWorkflowsArgs { Controller = controller, Server = server, WorkflowNamespaces = namespaces, AcceptedRisks = risks });

    /// <summary>Nine times in ten a usual value, else an unusual one.</summary>
    private static Gen<T> Mostly<T>(Gen<T> usual, Gen<T> unusual) => Gen.Frequency((9, usual), (1, unusual));
}
