using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Spdf.Build.Analyzers.Infrastructure;

namespace Spdf.Build.Analyzers.Traceability;

/// <summary>
/// SPDF4001 (unknown ID), SPDF4002 (ID of the wrong kind) and SPDF4003 (malformed ID) on [Mitigates],
/// [ImplementsControl] and [Verifies]: the ID must be PREFIX-digits, of the kind the attribute links, and
/// defined in the threat model the build passed in (spdf-traceability-ids.txt).
/// </summary>
public sealed class TraceabilityIdAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor UnknownIdRule = SpdfDescriptors.Create(
        DiagnosticIds.UnknownTraceabilityId,
        title: "Traceability ID is not in the threat model",
        messageFormat: "'{0}' is not defined in the threat model",
        RuleCategory.Traceability,
        FalsePositivePolicy.Precise,
        cwe: 1059,
        description: "A [Mitigates], [ImplementsControl] or [Verifies] attribute names an ID that the threat model (SpdfThreatModel) does not define, " +
                     "so the link never reaches the traceability matrix. Correct the ID or add the threat or control to the model.");

    internal static readonly DiagnosticDescriptor WrongKindRule = SpdfDescriptors.Create(
        DiagnosticIds.WrongKindOfTraceabilityId,
        title: "Traceability attribute names an ID of the wrong kind",
        messageFormat: "[{0}] expects {1}, but '{2}' is {3}",
        RuleCategory.Traceability,
        FalsePositivePolicy.Precise,
        cwe: 1059,
        description: "[Mitigates] takes a threat ID, [ImplementsControl] a control ID, [Verifies] a control or threat ID; asset IDs are never linked from code.");

    internal static readonly DiagnosticDescriptor MalformedIdRule = SpdfDescriptors.Create(
        DiagnosticIds.MalformedTraceabilityId,
        title: "Traceability ID is malformed",
        messageFormat: "'{0}' is not a traceability ID; expected {1}",
        RuleCategory.Traceability,
        FalsePositivePolicy.Precise,
        cwe: 1059,
        description: "Threat-model IDs are a prefix, a hyphen and digits, such as TM-012 or SC-007 (prefixes come from the model's idPrefixes).");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(UnknownIdRule, WrongKindRule, MalformedIdRule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        if (!TraceabilityAttributeTypes.AreNamedInSource(context.Compilation))
            return;
        var attributes = new DeferredCompilationValue<TraceabilityAttributeTypes>(context.Compilation, TraceabilityAttributeTypes.Create);
        var catalog = TraceabilityIdCatalog.Read(context.Options, context.CancellationToken);
        context.RegisterSymbolAction([MethodImpl(HotPath.Optimize)] (c) =>
        {
            if (attributes.Value is { } types)
                Analyze(c, types, catalog);
        }, TraceabilityAttributeTypes.AttributableSymbolKinds);
    }

    private static void Analyze(SymbolAnalysisContext context, TraceabilityAttributeTypes attributes, TraceabilityIdCatalog catalog)
    {
        foreach (var link in attributes.LinksOf(context.Symbol, context.CancellationToken))
        {
            if (link.Id is null)
                continue;

            var kind = catalog.KindBySyntax(link.Id);
            if (kind is null)
            {
                var example = catalog.PrefixOf(Expected(link.Kind)) + "-001";
                context.ReportDiagnostic(Diagnostic.Create(MalformedIdRule, link.Location, link.Id, example));
                continue;
            }

            if (!Accepts(link.Kind, kind.Value))
            {
                context.ReportDiagnostic(Diagnostic.Create(WrongKindRule, link.Location, link.AttributeName, Describe(link.Kind), link.Id, "a" + (kind == TraceabilityIdKind.Asset ? "n asset" : " " + kind.Value.ToString().ToLowerInvariant()) + " ID"));
                continue;
            }

            if (catalog.HasModel && !catalog.Contains(link.Id))
                context.ReportDiagnostic(Diagnostic.Create(UnknownIdRule, link.Location, link.Id));
        }
    }

    private static bool Accepts(TraceabilityLinkKind link, TraceabilityIdKind id) => link switch
    {
        TraceabilityLinkKind.Mitigates => id == TraceabilityIdKind.Threat,
        TraceabilityLinkKind.ImplementsControl => id == TraceabilityIdKind.Control,
        _ => id != TraceabilityIdKind.Asset,
    };

    private static TraceabilityIdKind Expected(TraceabilityLinkKind link)
        => link == TraceabilityLinkKind.Mitigates ? TraceabilityIdKind.Threat : TraceabilityIdKind.Control;

    private static string Describe(TraceabilityLinkKind link) => link switch
    {
        TraceabilityLinkKind.Mitigates => "a threat ID",
        TraceabilityLinkKind.ImplementsControl => "a control ID",
        _ => "a control or threat ID",
    };
}
