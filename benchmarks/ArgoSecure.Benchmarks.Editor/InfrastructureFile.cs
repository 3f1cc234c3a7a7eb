using System.Globalization;
using System.Text;

namespace ArgoSecure.Benchmarks.Editor;

/// <summary>
/// A large infrastructure file as a platform team writes one: per team an ArgoSecure install (controller, server,
/// SSO, workflow namespaces), Pulumi.Kubernetes RoleBindings and a Helm release with nested values, and ordinary
/// code between them. One team in ten makes insecure choices, so the analyzers also pay for reporting.
/// </summary>
internal static class InfrastructureFile
{
    private const string Header = """
        using System.Collections.Generic;
        using ArgoSecure;
        using Pulumi.Kubernetes.Helm.V3;
        using Pulumi.Kubernetes.Rbac.V1;
        using Pulumi.Kubernetes.Types.Inputs.Helm.V3;
        using Pulumi.Kubernetes.Types.Inputs.Meta.V1;
        using Pulumi.Kubernetes.Types.Inputs.Rbac.V1;

        namespace Platform;

        /// <summary>Every team's Argo Workflows, bindings and charts.</summary>
        public sealed class Infrastructure
        {
            private const string Monitoring = "monitoring";
            private static readonly string Ingress = "ingress-nginx";
            private readonly List<string> _log = new();

        """;

    /// <summary>The file, exactly <paramref name="lines"/> lines long.</summary>
    public static string Generate(int lines)
    {
        var body = new StringBuilder();
        var count = 0;
        var team = 0;
        const int footer = 1;
        while (true)
        {
            var block = Team(team);
            if (LineCount(Header) + count + LineCount(block) + footer > lines)
            {
                break;
            }

            body.Append(block);
            count += LineCount(block);
            team++;
        }

        // Ordinary one-line members fill the rest.
        for (var i = 0; LineCount(Header) + count + footer < lines; i++, count++)
        {
            body.Append(CultureInfo.InvariantCulture, $"    public int Size{i}(IReadOnlyList<string> items) => items.Count * {i + 1} + _log.Count;\n");
        }

        return Header + body + "}\n";
    }

    private static int LineCount(string text) => text.Count(c => c == '\n');

    private static string Team(int i)
    {
        var insecure = i % 10 == 0;
        var workflowNamespace = insecure ? $"argo-{i}" : $"team-{i}-b";
        var tls = insecure ? "false" : "true";
        var bindingNamespace = insecure ? $"argo-{i}" : $"team-{i}-a";
        return $$"""
                public ArgoWorkflowsArgs Team{{i}}(string environment)
                {
                    var install = new ArgoWorkflowsArgs
                    {
                        Controller = new ArgoControllerArgs
                        {
                            Namespace = "argo-{{i}}",
                            Scope = InstallScope.Cluster,
                            Metrics = new MetricsArgs { ScraperNamespace = Monitoring },
                            WorkflowDefaults = new WorkflowPodDefaults { ServiceAccountName = "argo-workflow" },
                        },
                        Server = new ArgoServerArgs
                        {
                            AuthModes = [AuthMode.Sso],
                            Tls = new ServerTlsArgs { Enabled = {{tls}}, CertificateSecretName = "argo-server-tls" },
                            IngressFromNamespaces = [Ingress],
                            Sso = new SsoArgs { Issuer = "https://login.example.com", RedirectUrl = "https://argo-{{i}}.example.com/oauth2/callback" },
                        },
                        WorkflowNamespaces =
                        [
                            new WorkflowNamespaceArgs { Name = "team-{{i}}-a", Submitters = [RbacSubject.Group("team-{{i}}")] },
                            new WorkflowNamespaceArgs { Name = "{{workflowNamespace}}", Viewers = [RbacSubject.Group("auditors")] },
                        ],
                    };
                    _ = new RoleBinding("devs-{{i}}", new RoleBindingArgs
                    {
                        Metadata = new ObjectMetaArgs { Name = "devs-edit", Namespace = "{{bindingNamespace}}" },
                        RoleRef = new RoleRefArgs { Kind = "ClusterRole", Name = "edit" },
                        Subjects = { new SubjectArgs { Kind = "Group", Name = "team-{{i}}" } },
                    });
                    _ = new Release("tools-{{i}}", new ReleaseArgs
                    {
                        Chart = "tools",
                        Namespace = "team-{{i}}-a",
                        Values = new Dictionary<string, object>
                        {
                            ["replicas"] = {{(i % 3) + 1}},
                            ["image"] = new Dictionary<string, object> { ["tag"] = "1.{{i}}.0", ["pullPolicy"] = "IfNotPresent" },
                            ["env"] = new List<object> { environment, "team-{{i}}" },
                        },
                    });
                    var labels = new Dictionary<string, string> { ["team"] = "team-{{i}}", ["environment"] = environment };
                    foreach (var (key, value) in labels)
                    {
                        if (value.Length > 63)
                        {
                            _log.Add($"label {key} too long");
                        }
                    }

                    return install;
                }

            """;
    }
}
