using System.Collections.Immutable;
using ArgoSecure.Rules;
using Microsoft.CodeAnalysis;

namespace ArgoSecure.Analyzers;

/// <summary>
/// Texts of the ARGO descriptors, read from the shared <see cref="RuleCatalog"/>. Each analyzer creates its
/// descriptor with the constant ID and severity (so release tracking can read them); a test proves they
/// equal the catalogue.
/// </summary>
internal static class ArgoDescriptors
{
    /// <summary>The diagnostic property that tells a code fix what to write instead of the insecure value.</summary>
    public const string ReplacementKey = "ArgoReplacement";

    /// <summary>Replacement: remove the whole assignment (the hardened default applies).</summary>
    public const string RemoveAssignment = "remove";

    /// <summary>The catalogue title.</summary>
    public static string Title(string id) => RuleCatalog.Get(id).Title;

    /// <summary>The message: the property through <c>{0}</c>, then the catalogue title.</summary>
    public static string Message(string id)
    {
        var title = RuleCatalog.Get(id).Title;
        return "{0}: " + char.ToLowerInvariant(title[0]) + title.Substring(1);
    }

    /// <summary>The catalogue's one sentence of risk.</summary>
    public static string Description(string id) => RuleCatalog.Get(id).Description;

    /// <summary>The help link of a rule.</summary>
    public static string HelpUri(string id) => RuleCatalog.GetHelpUri(id);

    /// <summary>The catalogue severity as a Roslyn severity.</summary>
    public static DiagnosticSeverity ToSeverity(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Error => DiagnosticSeverity.Error,
        RuleSeverity.Warning => DiagnosticSeverity.Warning,
        _ => DiagnosticSeverity.Info,
    };

    /// <summary>Properties that carry a replacement for the code fix.</summary>
    public static ImmutableDictionary<string, string?> Replace(string? replacement) =>
        replacement is null
            ? ImmutableDictionary<string, string?>.Empty
            : ImmutableDictionary<string, string?>.Empty.Add(ReplacementKey, replacement);
}
