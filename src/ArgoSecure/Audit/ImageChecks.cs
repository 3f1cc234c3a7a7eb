using ArgoSecure.Releases;
using ArgoSecure.Rules;

namespace ArgoSecure.Audit;

/// <summary>Checks that Argo images (workflow-controller, argocli, argoexec) are pinned to a release of a supported line.</summary>
internal static class ImageChecks
{
    public static void Run(AuditContext context)
    {
        var install = context.Installation;
        foreach (var o in install.Objects.Where(o => !o.IsOwned))
        {
            foreach (var container in PodTemplates.ContainersOf(o))
            {
                Check(context, o, container["image"]);
            }
        }

        foreach (var controller in install.Controllers)
        {
            Check(context, controller.Workload, controller.Flags.Node("executor-image"));
        }

        if (install.ControllerConfig is { } config)
        {
            Check(context, config.ConfigMap, config["executor"]?["image"]);
        }
    }

    private static void Check(AuditContext context, KubeObject o, YNode? image)
    {
        if (image?.Text is not { Length: > 0 } reference)
        {
            return;
        }

        var parsed = ImageReference.Parse(reference);
        if (parsed.ArgoImage is not null && ArgoReleases.TagOf(parsed.Tag?.Replace(ArgoRelease.NonRootExecutorSuffix, "", StringComparison.Ordinal)) is { IsSupported: false } release)
        {
            context.Report(RuleCatalog.UnsupportedRelease, o, image,
                $"Image '{reference}' runs Argo {release}, a line ArgoSecure does not support: its flags, ConfigMap keys and permissions are not known, so this install is audited as Argo {ArgoReleases.Nearest(release).Line}. Upgrade to a supported line ({ReleaseTag.SupportedLinesText}).");
        }

        if (parsed.ArgoImage is null || parsed.Digest is not null)
        {
            return;
        }

        if (parsed.Tag is null or "latest" || parsed.Tag.StartsWith("latest", StringComparison.Ordinal))
        {
            context.Report(RuleCatalog.UnpinnedImage, o, image,
                $"Image '{reference}' is not pinned to a release: what runs can change without review. Use a release tag such as '{ArgoImages.DefaultVersion}' (and a digest).");
        }
    }
}
