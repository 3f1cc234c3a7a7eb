using System;
using System.Collections.Immutable;
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

    public static void Analyze(OperationAnalysisContext context, ArgoSymbols symbols)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        var type = creation.Type as INamedTypeSymbol;
        if (creation.Initializer is null || type is null ||
            !(type.IsOrDerives(symbols.HelmV3ReleaseArgs) || type.IsOrDerives(symbols.HelmV4ChartArgs)))
        {
            return;
        }

        IOperation? chartNode = null;
        IOperation? values = null;
        var valueFiles = false;
        foreach (var (property, value, node) in creation.Initializer.PropertyValues())
        {
            switch (property.Name)
            {
                case "Chart":
                    chartNode = value.ConstantString() is { } chart && IsArgoWorkflowsChart(chart) ? node : null;
                    break;
                case "Values":
                    values = value;
                    break;
                case "ValueYamlFiles":
                    valueFiles = true;
                    break;
            }
        }

        if (chartNode is null)
        {
            return;
        }

        // No Values: the chart's defaults apply. Values files may set anything, so nothing is absent for sure.
        var root = values is null ? new HelmMap(null) : HelmNode.Read(values) as HelmMap;
        if (root is null)
        {
            return;
        }

        if (valueFiles)
        {
            root.HasUnknownEntries = true;
        }

        new ValuesChecker(context, chartNode).Check(root);
    }

    private sealed class ValuesChecker
    {
        private readonly OperationAnalysisContext _context;
        private readonly IOperation _chartNode;

        public ValuesChecker(OperationAnalysisContext context, IOperation chartNode)
        {
            _context = context;
            _chartNode = chartNode;
        }

        public void Check(HelmMap root)
        {
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
            _context.ReportDiagnostic(Diagnostic.Create(descriptor, node.Syntax.GetLocation(), ArgoDescriptors.Replace(replacement), path));
    }
}
