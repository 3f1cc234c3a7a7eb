using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using ArgoSecure.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ArgoSecure.Analyzers;

/// <summary>
/// ARGO0002: a <c>WorkflowNamespaceArgs</c> of a cluster install whose <c>Name</c> is the controller's namespace:
/// its own <c>ControllerNamespace</c> when set, otherwise the namespace any <c>ArgoControllerArgs</c> of the same
/// compilation sets, or the default <c>argo</c> where the compilation leaves a controller's namespace at its default
/// (or has no controller at all, as in a team's stack). Also a Pulumi.Kubernetes RoleBinding there that lets someone
/// create workflows (<see cref="ControllerNamespaceWriteBindingRule"/>).
/// <para>
/// Two passes, and a location is reported by one of them only. A candidate whose own code block (method body, field
/// initializer, top-level statements) decides it, because it names its own controller namespace or because a
/// controller in that block has its namespace, is reported with <see cref="Rule"/> at once or at the end of its block:
/// an editor shows it while the user types, and nothing elsewhere in the compilation can take a controller away.
/// The other candidates wait for the end of the compilation (<see cref="CompilationEndRule"/>), where every
/// controller is known.
/// </para>
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class WorkflowsInControllerNamespaceAnalyzer : DiagnosticAnalyzer
{
    // Two descriptors of one rule (written out in full: release tracking reads them from the source).

    /// <summary>ARGO0002 decided from one code block: an ordinary diagnostic, shown in the editor.</summary>
    internal static readonly DiagnosticDescriptor Rule = new(
        RuleCatalog.WorkflowsInControllerNamespace,
        ArgoDescriptors.Title(RuleCatalog.WorkflowsInControllerNamespace),
        ArgoDescriptors.Message(RuleCatalog.WorkflowsInControllerNamespace),
        RuleCatalog.Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: ArgoDescriptors.Description(RuleCatalog.WorkflowsInControllerNamespace),
        helpLinkUri: RuleCatalog.HelpBaseUri + RuleCatalog.WorkflowsInControllerNamespace + ".md");

    /// <summary>ARGO0002 that needs the whole compilation: reported at its end (build, full-solution analysis).</summary>
    internal static readonly DiagnosticDescriptor CompilationEndRule = new(
        RuleCatalog.WorkflowsInControllerNamespace,
        ArgoDescriptors.Title(RuleCatalog.WorkflowsInControllerNamespace),
        ArgoDescriptors.Message(RuleCatalog.WorkflowsInControllerNamespace),
        RuleCatalog.Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: ArgoDescriptors.Description(RuleCatalog.WorkflowsInControllerNamespace),
        helpLinkUri: RuleCatalog.HelpBaseUri + RuleCatalog.WorkflowsInControllerNamespace + ".md",
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule, CompilationEndRule);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            var compilation = start.Compilation;
            if (!ArgoSymbols.MayReference(compilation, argoSecure: true, pulumi: true))
            {
                return;
            }

            // Built at the first callback (see ArgoSymbols.MayReference); null when neither kind of candidate can exist.
            var lazyPasses = new Lazy<Passes?>(() =>
                ArgoSymbols.For(compilation) is { } symbols &&
                (symbols.WorkflowNamespaceArgs is not null || (symbols.RoleBindingArgs is not null && symbols.RoleRefArgs is not null))
                    ? new Passes(new ControllerNamespaceFacts(symbols))
                    : null);
            // Member initializers and writes are read from their initializer's owner and from statements (see WriteSites).
            start.RegisterOperationAction([MethodImpl(HotPath.Optimized)] (c) => lazyPasses.Value?.CollectCreation(c), OperationKind.ObjectCreation);
            start.RegisterOperationAction([MethodImpl(HotPath.Optimized)] (c) => lazyPasses.Value?.CollectStatement(c), OperationKind.ExpressionStatement);
            start.RegisterOtherInitializerOwners((c, initializer) => lazyPasses.Value?.CollectMemberInitializers(c, initializer));

            // The driver runs a block's operation actions before its block actions: its candidates are decided here.
            start.RegisterOperationBlockAction([MethodImpl(HotPath.Optimized)] (c) =>
            {
                if (lazyPasses.IsValueCreated)
                {
                    lazyPasses.Value?.EndBlock(c);
                }
            });
            start.RegisterCompilationEndAction(c =>
            {
                // No callback ran: nothing was collected.
                if (lazyPasses.IsValueCreated)
                {
                    lazyPasses.Value?.Report(c);
                }
            });
        });
    }

    private sealed class Passes
    {
        private readonly ControllerNamespaceFacts _facts;
        // Used as a set (value = key): a dictionary of reference types runs the framework's precompiled code.
        private readonly ConcurrentDictionary<string, string> _controllerNamespaces = new(System.StringComparer.Ordinal);
        private readonly ConcurrentBag<Candidate> _undecided = new();

        // The controllers and the waiting candidates of each code block whose end has not run yet.
        private readonly PendingByBlock<BlockFacts> _blocks = new(static () => new BlockFacts());
        private int _controllerCreations;
        private int _controllersOnTheDefaultNamespace;
        private int _namespaceAssignments;

        public Passes(ControllerNamespaceFacts facts) => _facts = facts;

        [MethodImpl(HotPath.Optimized)]
        public void CollectCreation(OperationAnalysisContext context)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            Collect(context, creation);
            if (creation.Initializer is { } initializer)
            {
                CollectMemberInitializers(context, initializer);
            }
        }

        [MethodImpl(HotPath.Optimized)]
        public void CollectMemberInitializers(OperationAnalysisContext context, IObjectOrCollectionInitializerOperation initializer)
        {
            foreach (var member in initializer.Members())
            {
                // Writes in an initializer are the creation's facts (ControllerNamespaceFacts.Read).
                if (member is IMemberInitializerOperation)
                {
                    Collect(context, member);
                }
            }
        }

        [MethodImpl(HotPath.Optimized)]
        public void CollectStatement(OperationAnalysisContext context)
        {
            for (var assignment = ((IExpressionStatementOperation)context.Operation).Effect() as ISimpleAssignmentOperation; assignment is not null; assignment = assignment.Chained())
            {
                Collect(context, assignment);
            }
        }

        [MethodImpl(HotPath.Optimized)]
        private void Collect(OperationAnalysisContext context, IOperation operation)
        {
            _facts.Read(operation, out var controller, out var candidate);
            if (controller is { } known)
            {
                Record(known);
                if (known.Namespace is { } ns)
                {
                    _blocks.Update(operation, ns, static (facts, ns) => facts.Controllers.Add(ns));
                }

                return;
            }

            if (candidate is null)
            {
                return;
            }

            if (candidate.OwnControllerNamespace is { } own)
            {
                // It names its controller's namespace: nothing else matters.
                if (string.Equals(candidate.Namespace, own, System.StringComparison.Ordinal))
                {
                    context.ReportDiagnostic(AcceptedRisks.Create(Rule, candidate.Node, candidate.Location, null, candidate.Property));
                }

                return;
            }

            _blocks.Update(operation, candidate, static (facts, candidate) => facts.Candidates.Add(candidate));
        }

        [MethodImpl(HotPath.Optimized)]
        public void EndBlock(OperationBlockAnalysisContext context)
        {
            // Most blocks hold nothing: no empty list is made for them.
            if (_blocks.TakeEnded(context.OperationBlocks) is not { } ended)
            {
                return;
            }

            foreach (var facts in ended)
            {
                Decide(facts, context.ReportDiagnostic, Rule);
            }
        }

        public void Report(CompilationAnalysisContext context)
        {
            // A block whose end did not run (none is expected): decided from its own controllers all the same.
            foreach (var facts in _blocks.Remaining)
            {
                Decide(facts, context.ReportDiagnostic, CompilationEndRule);
            }

            var known = new HashSet<string>(_controllerNamespaces.Keys, System.StringComparer.Ordinal);

            // The default namespace counts unless every controller of the compilation names its own
            // (a later 'controller.Namespace = …' may move one left at the default: then it still counts).
            if (_controllersOnTheDefaultNamespace > 0 || (_controllerCreations == 0 && _namespaceAssignments == 0))
            {
                known.Add(ManagedNamespaceIsControllerNamespaceRule.DefaultNamespace);
            }

            foreach (var candidate in _undecided)
            {
                if (known.Contains(candidate.Namespace))
                {
                    context.ReportDiagnostic(AcceptedRisks.Create(CompilationEndRule, candidate.Node, candidate.Location, null, candidate.Property));
                }
            }
        }

        [MethodImpl(HotPath.Optimized)]
        private void Decide(BlockFacts facts, Action<Diagnostic> report, DiagnosticDescriptor rule)
        {
            foreach (var candidate in facts.Candidates)
            {
                if (facts.Controllers.Contains(candidate.Namespace))
                {
                    report(AcceptedRisks.Create(rule, candidate.Node, candidate.Location, null, candidate.Property));
                }
                else
                {
                    _undecided.Add(candidate);
                }
            }
        }

        private sealed class BlockFacts
        {
            public HashSet<string> Controllers { get; } = new(System.StringComparer.Ordinal);

            public List<Candidate> Candidates { get; } = new();
        }

        [MethodImpl(HotPath.Optimized)]
        private void Record(ControllerFact controller)
        {
            // TryAdd locks even when the key is there; most controllers repeat a namespace already seen.
            if (controller.Namespace is { } ns && !_controllerNamespaces.ContainsKey(ns))
            {
                _controllerNamespaces.TryAdd(ns, ns);
            }

            switch (controller.Kind)
            {
                case ControllerFactKind.Default:
                    Interlocked.Increment(ref _controllersOnTheDefaultNamespace);
                    break;
                case ControllerFactKind.Created:
                    Interlocked.Increment(ref _controllerCreations);
                    break;
                case ControllerFactKind.Moved:
                    Interlocked.Increment(ref _namespaceAssignments);
                    break;
            }
        }
    }
}
