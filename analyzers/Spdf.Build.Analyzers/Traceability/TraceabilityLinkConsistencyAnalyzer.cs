using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Spdf.Build.Analyzers.Infrastructure;

namespace Spdf.Build.Analyzers.Traceability;

/// <summary>
/// SPDF4005 (the same link twice on one symbol) and SPDF4006 (one symbol both implements/mitigates and
/// verifies the same ID: code cannot be its own verification evidence).
/// </summary>
public sealed class TraceabilityLinkConsistencyAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor DuplicateRule = SpdfDescriptors.Create(
        DiagnosticIds.DuplicateTraceabilityLink,
        title: "Duplicate traceability link",
        messageFormat: "[{0}(\"{1}\")] appears more than once on '{2}'",
        RuleCategory.Traceability,
        FalsePositivePolicy.Precise,
        cwe: 1059,
        description: "The same link twice on one symbol adds nothing to the matrix and usually hides a copy-paste error (another ID was meant).");

    internal static readonly DiagnosticDescriptor ContradictoryRule = SpdfDescriptors.Create(
        DiagnosticIds.ContradictoryTraceabilityLinks,
        title: "Code both implements and verifies the same ID",
        messageFormat: "'{0}' carries [{1}(\"{2}\")] and [Verifies(\"{2}\")]; a control is verified by a separate test, not by its own implementation",
        RuleCategory.Traceability,
        FalsePositivePolicy.Precise,
        cwe: 1059,
        description: "Verification evidence must come from a test that exercises the control. A member that claims to be both the control (or mitigation) and its verification makes the matrix look covered without any test.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(DuplicateRule, ContradictoryRule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            if (!TraceabilityAttributeTypes.AreNamedInSource(start.Compilation))
                return;
            var attributes = new DeferredCompilationValue<TraceabilityAttributeTypes>(start.Compilation, TraceabilityAttributeTypes.Create);
            start.RegisterSymbolAction([MethodImpl(HotPath.Optimize)] (c) =>
            {
                if (attributes.Value is { } types)
                    Analyze(c, types);
            }, TraceabilityAttributeTypes.AttributableSymbolKinds);
        });
    }

    private static void Analyze(SymbolAnalysisContext context, TraceabilityAttributeTypes attributes)
    {
        var links = attributes.LinksOf(context.Symbol, context.CancellationToken);
        if (links.Count < 2)
            return;

        var seen = new HashSet<(TraceabilityLinkKind, string)>();
        var implemented = new Dictionary<string, TraceabilityLinkKind>(StringComparer.Ordinal);
        foreach (var link in links)
        {
            if (link.Id is null)
                continue;
            if (!seen.Add((link.Kind, link.Id)))
                context.ReportDiagnostic(Diagnostic.Create(DuplicateRule, link.Location, link.AttributeName, link.Id, context.Symbol.Name));
            if (link.Kind != TraceabilityLinkKind.Verifies)
                implemented[link.Id] = link.Kind;
        }

        foreach (var link in links)
        {
            if (link.Kind == TraceabilityLinkKind.Verifies && link.Id is not null && implemented.TryGetValue(link.Id, out var kind))
            {
                var name = kind == TraceabilityLinkKind.Mitigates ? "Mitigates" : "ImplementsControl";
                context.ReportDiagnostic(Diagnostic.Create(ContradictoryRule, link.Location, context.Symbol.Name, name, link.Id));
            }
        }
    }
}
