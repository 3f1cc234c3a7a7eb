using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using ArgoSecure.Releases;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ArgoSecure.Analyzers;

/// <summary>
/// A Pulumi.Kubernetes Helm v3 <c>Release</c> or Helm v4 <c>Chart</c> of the community <c>argo-workflows</c> chart
/// whose values turn off what the security guide requires. Values are read from nested dictionary initializers;
/// a value the analyzer cannot know (a variable, a method call, values files) gives no diagnostic.
/// </summary>
internal static class HelmArgoWorkflowsValuesRule
{
    /// <summary>The chart's name.</summary>
    internal const string ChartName = "argo-workflows";

    /// <summary>The rules this reader reports.</summary>
    public static readonly DiagnosticDescriptor[] Descriptors =
    {
        ManagedNamespaceIsControllerNamespaceRule.Rule,
        DoNotUseServerAuthModeRule.Descriptor,
        DoNotDisableServerTlsRule.Descriptor,
        DoNotDisableSsoRbacRule.Descriptor,
        DoNotSkipSsoIssuerVerificationRule.Descriptor,
        RunWorkflowPodsAsNonRootRule.Descriptor,
        DoNotAutomountWorkflowTokenRule.Descriptor,
        DoNotRunWorkflowsAsDefaultServiceAccountRule.Descriptor,
        ServeMetricsSecurelyRule.Descriptor,
        DoNotEnableDebugSurfacesRule.Descriptor,
        PinArgoImagesRule.Descriptor,
        SupportedArgoReleaseRule.Descriptor,
    };

    /// <summary>True for <c>argo-workflows</c>, <c>argo/argo-workflows</c>, an OCI reference or a path ending in it, or a packaged <c>argo-workflows-1.0.18.tgz</c>.</summary>
    internal static bool IsArgoWorkflowsChart(string chart)
    {
        var name = chart.Trim().TrimEnd('/');
        var slash = name.LastIndexOf('/');
        if (slash >= 0)
        {
            name = name.Substring(slash + 1);
        }

        var colon = name.IndexOf(':');
        if (colon >= 0)
        {
            name = name.Substring(0, colon); // oci tag
        }

        return string.Equals(name, ChartName, StringComparison.OrdinalIgnoreCase) ||
            (name.StartsWith(ChartName + "-", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".tgz", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Reads one Release or Chart args creation. Runs from an operation block end action, not an operation action:
    /// values filled before the creation are reported where they are written, outside the creation, and an editor keeps
    /// only the diagnostics of an operation action that fall inside the operation it analyzed. The creation is of one
    /// of the Helm Release/Chart args types, which <see cref="PulumiKubernetesArgoInstall"/> has already decided.
    /// </summary>
    [MethodImpl(HotPath.Optimized)]
    public static void Analyze(IObjectCreationOperation creation, Action<Diagnostic> report)
    {
        if (creation.Initializer is not { } initializer)
        {
            return;
        }

        // The initializer, then 'args.Values = …' and the like on the local it initializes, in this method.
        var properties = new List<(IPropertySymbol Property, IOperation Value, IOperation Node)>();
        foreach (var property in initializer.PropertyValues())
        {
            properties.Add(property);
        }

        var local = creation.InitializedLocal();
        if (local is not null)
        {
            OperationExtensions.LocalWrites(creation, local, out var writes);
            properties.AddRange(writes);
        }

        IOperation? chartNode = null;
        IOperation? values = null;
        string? releaseNamespace = null;
        var valueFiles = false;
        foreach (var (property, value, node) in properties)
        {
            switch (property.Name)
            {
                case "Chart":
                case "Path":
                    chartNode = value.KnownString() is { } chart && IsArgoWorkflowsChart(chart) ? node : null;
                    break;
                case "Values":
                    values = value;
                    break;
                case "ValueYamlFiles":
                    valueFiles = true;
                    break;
                case "Namespace":
                    releaseNamespace = value.KnownString();
                    break;
            }
        }

        if (chartNode is null)
        {
            return;
        }

        // Only for the Argo chart: it walks the block again.
        var valuesTouched = local is not null && ValuesChangedInPlace(creation, local);

        // No Values: the chart's defaults apply. Values files may set anything, so nothing is absent for sure.
        var root = values is null ? new HelmMap(null) : HelmNode.Read(values) as HelmMap;
        if (root is null)
        {
            return;
        }

        if (valueFiles || valuesTouched)
        {
            root.HasUnknownEntries = true;
        }

        new ValuesChecker(report, chartNode, releaseNamespace).Check(root);
    }

    // args.Values["server"] = … or args.Values.Add(…): entries this reader does not follow, so nothing is absent for sure.
    private static bool ValuesChangedInPlace(IOperation creation, ILocalSymbol local)
    {
        foreach (var operation in creation.Root().SelfAndDescendants())
        {
            if (operation is IPropertyReferenceOperation { Property.Name: "Values", Instance: ILocalReferenceOperation target } reference &&
                SymbolEqualityComparer.Default.Equals(target.Local, local) &&
                !(reference.Parent is ISimpleAssignmentOperation assignment && ReferenceEquals(assignment.Target, reference)))
            {
                return true;
            }
        }

        return false;
    }

    private sealed class ValuesChecker
    {
        private readonly Action<Diagnostic> _report;
        private readonly IOperation _chartNode;
        private readonly string? _releaseNamespace;

        public ValuesChecker(Action<Diagnostic> report, IOperation chartNode, string? releaseNamespace)
        {
            _report = report;
            _chartNode = chartNode;
            _releaseNamespace = releaseNamespace;
        }

        [MethodImpl(HotPath.Optimized)]
        public void Check(HelmMap root)
        {
            // ARGO0001: singleNamespace: true starts the controller with --namespaced; without a --managed-namespace
            // elsewhere it manages the namespace it runs in (the release's, or namespaceOverride).
            if (root.TryGetScalar("singleNamespace", out var single, out var singleEntry) && single is true && ManagesItsOwnNamespace(root))
            {
                Report(ManagedNamespaceIsControllerNamespaceRule.Rule, singleEntry!.Node, "singleNamespace", null);
            }

            if (root.Child("server") is { } server &&
                !(server.TryGetScalar("enabled", out var enabled, out _) && enabled is false) &&
                !(server.Entry("enabled") is { Value: HelmUnknown }))
            {
                CheckServer(server);
            }

            if (root.Child("controller") is { } controller)
            {
                CheckController(controller);
            }

            if (root.Child("images") is { } images && images.TryGetScalar("tag", out var tag, out var tagEntry) && tag is string t && t.Trim().Length > 0)
            {
                if (!ReleaseTag.TryParse(t, out _))
                {
                    Report(PinArgoImagesRule.Descriptor, tagEntry!.Node, "images.tag", null);
                }
                else if (ReleaseTag.IsUnsupportedRelease(t))
                {
                    Report(SupportedArgoReleaseRule.Descriptor, tagEntry!.Node, "images.tag", null);
                }
            }
        }

        private void CheckServer(HelmMap server)
        {
            // ARGO0003: server.authModes (and the deprecated server.authMode), or --auth-mode in extraArgs.
            if (server.Entry("authModes")?.Value is HelmList modes)
            {
                foreach (var item in modes.Items)
                {
                    if (item is HelmScalar { Value: string mode } && IsServer(mode))
                    {
                        Report(DoNotUseServerAuthModeRule.Descriptor, item.Operation!, "server.authModes", Replacements.Expression("\"client\""));
                    }
                }
            }

            if (server.TryGetScalar("authMode", out var legacy, out var legacyEntry) && legacy is string legacyMode && IsServer(legacyMode))
            {
                Report(DoNotUseServerAuthModeRule.Descriptor, legacyEntry!.Node, "server.authMode", Replacements.Expression("\"client\""));
            }

            if (server.Entry("extraArgs")?.Value is HelmList extraArgs)
            {
                CheckExtraArgs(extraArgs);
            }

            // ARGO0004: the chart's default is secure: false, so a release that does not turn it on serves plain HTTP.
            if (server.TryGetScalar("secure", out var secure, out var secureEntry))
            {
                if (secure is false)
                {
                    Report(DoNotDisableServerTlsRule.Descriptor, secureEntry!.Node, "server.secure", Replacements.True);
                }
            }
            else if (server.IsAbsent("secure"))
            {
                Report(DoNotDisableServerTlsRule.Descriptor, _chartNode, "server.secure", null);
            }

            if (server.Child("sso") is { } sso && sso.Entries.Count > 0)
            {
                if (sso.TryGetScalar("enabled", out var ssoEnabled, out _) && ssoEnabled is true &&
                    sso.Child("rbac") is { } rbac && rbac.TryGetScalar("enabled", out var rbacEnabled, out var rbacEntry) && rbacEnabled is false)
                {
                    // The chart's default is rbac.enabled: true; only an explicit false is reported.
                    Report(DoNotDisableSsoRbacRule.Descriptor, rbacEntry!.Node, "server.sso.rbac.enabled", Replacements.True);
                }

                if (sso.TryGetScalar("insecureSkipVerify", out var skip, out var skipEntry) && skip is true)
                {
                    Report(DoNotSkipSsoIssuerVerificationRule.Descriptor, skipEntry!.Node, "server.sso.insecureSkipVerify", Replacements.False);
                }
            }
        }

        private void CheckExtraArgs(HelmList extraArgs)
        {
            for (var i = 0; i < extraArgs.Items.Count; i++)
            {
                if (extraArgs.Items[i] is not HelmScalar { Value: string arg } item)
                {
                    continue;
                }

                var a = arg.Trim();
                var next = i + 1 < extraArgs.Items.Count && extraArgs.Items[i + 1] is HelmScalar { Value: string n } ? n.Trim() : null;
                if (FlagValue(a, "--auth-mode", next) is { } mode && IsServer(mode))
                {
                    Report(DoNotUseServerAuthModeRule.Descriptor, item.Operation!, "server.extraArgs", null);
                }
                else if (FlagValue(a, "--access-control-allow-origin", next) is { } origin && origin.Trim() == "*")
                {
                    Report(DoNotEnableDebugSurfacesRule.Descriptor, item.Operation!, "server.extraArgs", null);
                }
                else if (FlagValue(a, "--secure", next) is { } secureFlag && secureFlag.Trim().Equals("false", StringComparison.OrdinalIgnoreCase))
                {
                    Report(DoNotDisableServerTlsRule.Descriptor, item.Operation!, "server.extraArgs", null);
                }
            }
        }

        private bool ManagesItsOwnNamespace(HelmMap root)
        {
            if (root.Child("controller") is not { } controller)
            {
                return false;
            }

            if (controller.Entry("extraArgs") is not { } extraArgsEntry)
            {
                return controller.IsAbsent("extraArgs");
            }

            if (extraArgsEntry.Value is not HelmList { HasUnknownItems: false } extraArgs)
            {
                return false;
            }

            for (var i = 0; i < extraArgs.Items.Count; i++)
            {
                if (extraArgs.Items[i] is not HelmScalar { Value: string arg })
                {
                    return false; // An argument the analyzer cannot read may name another namespace.
                }

                var next = i + 1 < extraArgs.Items.Count && extraArgs.Items[i + 1] is HelmScalar { Value: string n } ? n.Trim() : null;
                if (FlagValue(arg.Trim(), "--managed-namespace", next) is { } managed)
                {
                    var own = root.TryGetScalar("namespaceOverride", out var over, out _) && over is string o && o.Trim().Length > 0 ? o.Trim() : _releaseNamespace;
                    return own is not null && string.Equals(managed.Trim(), own.Trim(), StringComparison.Ordinal);
                }
            }

            return true;
        }

        /// <summary>The value of <c>--flag=value</c>, <c>--flag value</c> in one item, or <c>--flag</c> followed by the next item.</summary>
        private static string? FlagValue(string arg, string flag, string? next)
        {
            if (arg.StartsWith(flag + "=", StringComparison.Ordinal))
            {
                return arg.Substring(flag.Length + 1);
            }

            if (arg.StartsWith(flag + " ", StringComparison.Ordinal))
            {
                return arg.Substring(flag.Length + 1);
            }

            return arg == flag ? next : null;
        }

        private static bool IsServer(string mode) => string.Equals(mode.Trim(), "server", StringComparison.OrdinalIgnoreCase);

        private void CheckController(HelmMap controller)
        {
            if (controller.Child("workflowDefaults") is { } defaults && defaults.Child("spec") is { } spec)
            {
                if (spec.Child("securityContext") is { } securityContext)
                {
                    if (securityContext.TryGetScalar("runAsNonRoot", out var nonRoot, out var nonRootEntry) && nonRoot is false)
                    {
                        Report(RunWorkflowPodsAsNonRootRule.Descriptor, nonRootEntry!.Node, "controller.workflowDefaults.spec.securityContext.runAsNonRoot", Replacements.True);
                    }

                    if (securityContext.TryGetScalar("runAsUser", out var user, out var userEntry) && OperationExtensions.ConstantEquals(user, 0))
                    {
                        Report(RunWorkflowPodsAsNonRootRule.Descriptor, userEntry!.Node, "controller.workflowDefaults.spec.securityContext.runAsUser", Replacements.Expression("8737"));
                    }
                }

                if (spec.TryGetScalar("automountServiceAccountToken", out var automount, out var automountEntry) && automount is true)
                {
                    Report(DoNotAutomountWorkflowTokenRule.Descriptor, automountEntry!.Node, "controller.workflowDefaults.spec.automountServiceAccountToken", Replacements.False);
                }

                if (spec.TryGetScalar("serviceAccountName", out var account, out var accountEntry) && account is string a && a.Trim() == "default")
                {
                    Report(DoNotRunWorkflowsAsDefaultServiceAccountRule.Descriptor, accountEntry!.Node, "controller.workflowDefaults.spec.serviceAccountName", null);
                }
            }

            if (controller.Child("metricsConfig") is { } metrics)
            {
                if (metrics.TryGetScalar("secure", out var secure, out var secureEntry))
                {
                    if (secure is false)
                    {
                        Report(ServeMetricsSecurelyRule.Descriptor, secureEntry!.Node, "controller.metricsConfig.secure", Replacements.True);
                    }
                }
                else if (metrics.TryGetScalar("enabled", out var enabled, out var enabledEntry) && enabled is true && metrics.IsAbsent("secure"))
                {
                    // Turning the chart's metricsConfig on also writes its default secure: false.
                    Report(ServeMetricsSecurelyRule.Descriptor, enabledEntry!.Node, "controller.metricsConfig.secure", null);
                }
            }
        }

        private void Report(DiagnosticDescriptor descriptor, IOperation node, string path, string? replacement) =>
            _report(Diagnostic.Create(descriptor, node.Syntax.GetLocation(), ArgoDescriptors.Replace(replacement), path));
    }
}
