using System.Composition;
using System.Reflection;
using ArgoSecure.Rules;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ArgoSecure.Analyzers.Tests.Meta;

/// <summary>Every code fix is exported under its type name, fixes IDs that exist and groups Fix All by a public key.</summary>
public sealed class CodeFixMetaTests
{
    [Fact]
    public void CodeFixes_AreLoaded() => Assert.True(LoadedRules.CodeFixes.Length >= 10);

    [Fact]
    public void ExportName_EqualsTypeName_AndIsShared()
    {
        foreach (var fix in LoadedRules.CodeFixes)
        {
            var type = fix.GetType();
            var export = type.GetCustomAttribute<ExportCodeFixProviderAttribute>();
            Assert.NotNull(export);
            Assert.Equal(type.Name, export!.Name);
            Assert.Contains(Microsoft.CodeAnalysis.LanguageNames.CSharp, export.Languages);
            Assert.NotNull(type.GetCustomAttribute<SharedAttribute>());
            Assert.True(type.IsSealed, type.Name);
        }
    }

    [Fact]
    public void FixableIds_ExistInTheCatalogue_AndInAnAnalyzer()
    {
        var analyzed = LoadedRules.Descriptors.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var fix in LoadedRules.CodeFixes)
        {
            Assert.NotEmpty(fix.FixableDiagnosticIds);
            foreach (var id in fix.FixableDiagnosticIds)
            {
                Assert.True(RuleCatalog.TryGet(id, out _), id);
                Assert.Contains(id, analyzed);
            }
        }
    }

    [Fact]
    public void OneFixPerRule()
    {
        var ids = LoadedRules.CodeFixes.SelectMany(f => f.FixableDiagnosticIds).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void EquivalenceKey_IsAPublicConstant_AndFixAllIsBatch()
    {
        foreach (var fix in LoadedRules.CodeFixes)
        {
            var field = fix.GetType().GetField("EquivalenceKey", BindingFlags.Public | BindingFlags.Static);
            Assert.NotNull(field);
            Assert.True(field!.IsLiteral, fix.GetType().Name);
            var key = (string)field.GetRawConstantValue()!;
            Assert.StartsWith(fix.FixableDiagnosticIds[0] + "_", key, StringComparison.Ordinal);
            Assert.Same(WellKnownFixAllProviders.BatchFixer, fix.GetFixAllProvider());
        }
    }
}
