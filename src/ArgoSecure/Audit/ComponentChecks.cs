using ArgoSecure.Rules;
using ArgoSecure.Validation;

namespace ArgoSecure.Audit;

/// <summary>Checks of the controller and server Deployments: scope, auth modes, TLS, debug surfaces, override allow-list.</summary>
internal static class ComponentChecks
{
    public static void Run(AuditContext context)
    {
        var install = context.Installation;
        foreach (var component in install.Controllers.Concat(install.Servers))
        {
            CheckScope(context, component);
            var pprof = component.Flags.Env("ARGO_PPROF");
            if (YNode.ParseBool(pprof?.Text) == true)
            {
                context.Report(RuleCatalog.DebugSurfaceEnabled, component.Workload, pprof,
                    $"{Subject(component)} runs with ARGO_PPROF={pprof!.Text}: /debug/pprof is served without authentication. Remove ARGO_PPROF or set it to false.");
            }
        }

        foreach (var controller in install.Controllers)
        {
            var allowlist = controller.Flags.Env("WORKFLOW_USER_OVERRIDE_ALLOWLIST");
            var sensitive = (allowlist?.Text ?? "").Split(',').Select(f => f.Trim())
                .Where(f => ArgsValidator.SensitiveOverrideFields.Contains(f, StringComparer.Ordinal)).ToList();
            if (sensitive.Count > 0)
            {
                context.Report(RuleCatalog.UserOverrideAllowlistReopensFields, controller.Workload, allowlist,
                    $"WORKFLOW_USER_OVERRIDE_ALLOWLIST re-opens {string.Join(", ", sensitive)} to template submitters; remove them from the list.");
            }
        }

        foreach (var server in install.Servers)
        {
            var modes = AuthModes(server);
            if (modes.Any(m => m.Text == "server"))
            {
                context.Report(RuleCatalog.ServerAuthMode, server.Workload, modes.First(m => m.Text == "server"),
                    $"argo-server runs with auth mode 'server' ({server.Flags.Written("auth-mode")}): every caller acts as the argo-server service account. Use --auth-mode=client (and sso).");
            }

            if (server.Flags.IsFalse("secure"))
            {
                context.Report(RuleCatalog.ServerTlsDisabled, server.Workload, server.Flags.Node("secure"),
                    $"argo-server runs with {server.Flags.Written("secure")}: tokens and SSO cookies travel in clear text. Remove it (TLS is the default; give --tls-certificate-secret-name for your own certificate).");
            }

            var origin = server.Flags.Node("access-control-allow-origin");
            if (origin?.Text?.Trim() == "*")
            {
                context.Report(RuleCatalog.DebugSurfaceEnabled, server.Workload, origin,
                    $"argo-server runs with {server.Flags.Written("access-control-allow-origin")}, CORS from any origin: any web page can call the API with a signed-in user's browser. Name the one origin that needs it, or remove the flag.");
            }
        }
    }

    /// <summary>The server's auth modes (repeated flags and comma lists); empty means the default, client.</summary>
    public static IReadOnlyList<YNode> AuthModes(ArgoComponent server) =>
        server.Flags.All("auth-mode")
            .SelectMany(n => (n.Text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(m => (YNode)new YScalar(n.Location, m)))
            .ToList();

    /// <summary>True when the server's own account is the identity of some callers (auth mode server, or SSO without RBAC).</summary>
    public static bool ActsForCallers(ArgoInstallation install, ArgoComponent server)
    {
        var modes = AuthModes(server).Select(m => m.Text).ToList();
        return modes.Contains("server") || (modes.Contains("sso") && install.ServerConfig?["sso"] is { } sso && sso.BoolAt("rbac", "enabled") != true);
    }

    private static void CheckScope(AuditContext context, ArgoComponent component)
    {
        if (!component.Flags.IsTrue("namespaced"))
        {
            return;
        }

        var managed = component.Flags.Node("managed-namespace");
        var name = managed?.Text;
        if (string.IsNullOrEmpty(name))
        {
            context.Report(RuleCatalog.ManagedNamespaceIsControllerNamespace, component.Workload, component.Flags.Node("namespaced"),
                $"{Subject(component)} runs with {component.Flags.Written("namespaced")} and no --managed-namespace, so it manages its own namespace{InNamespace(component)}: whoever runs workflows there can take over the controller. Add --managed-namespace=<another namespace>.");
        }
        else if (name == component.Namespace)
        {
            context.Report(RuleCatalog.ManagedNamespaceIsControllerNamespace, component.Workload, managed,
                $"{Subject(component)} runs with {component.Flags.Written("managed-namespace")}, its own namespace: whoever runs workflows there can take over the controller. Manage another namespace, for example '{name}-workflows'.");
        }
    }

    private static string InNamespace(ArgoComponent component) => component.Namespace is null ? "" : $" '{component.Namespace}'";

    /// <summary>The component in a sentence: "the workflow-controller" or "argo-server".</summary>
    public static string Describe(ArgoComponent component) =>
        component.Kind == ArgoComponentKind.Controller ? "the workflow-controller" : "argo-server";

    /// <summary>The component starting a sentence.</summary>
    public static string Subject(ArgoComponent component) =>
        component.Kind == ArgoComponentKind.Controller ? "The workflow-controller" : "argo-server";
}
