using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Spdf.Build.Analyzers.Infrastructure;
using Spdf.Build.Analyzers.InputHandling.Sinks;

namespace Spdf.Build.Analyzers.InputHandling;

/// <summary>
/// SPDF3001-SPDF3009 and SPDF3012, SPDF3016, SPDF3017, and the tainted-type form of SPDF3010: device input
/// (serial ports, sockets, network streams, console, command line, environment, <c>[UntrustedInput]</c>) or
/// archive entry names or exception details reaching a sink, tracked inside one member at a time. Each sink
/// class is its own rule (see the <c>Sinks</c> folder) so it can be configured on its own; the analysis runs
/// once per member for all of them. The work per member is bounded by
/// <c>spdf.taint_analysis.max_operations_per_method</c> (SPDF3019 reports a member that exceeds it).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UntrustedInputAnalyzer : DiagnosticAnalyzer
{
    public const string MaxOperationsOptionKey = "spdf.taint_analysis.max_operations_per_method";
    public const int DefaultMaxOperations = 20_000;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = CreateSupportedDiagnostics();

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static ImmutableArray<DiagnosticDescriptor> CreateSupportedDiagnostics()
    {
        var builder = ImmutableArray.CreateBuilder<DiagnosticDescriptor>();
        foreach (var sink in TaintKnowledge.SinkDefinitions)
            builder.Add(sink.Rule);
        builder.Add(ArchiveEntryPathSink.Rule);
        builder.Add(ExceptionDetailsSink.Rule);
        builder.Add(RegexWithoutTimeoutSink.Rule);
        builder.Add(TaintBoundRule.Rule);
        return builder.ToImmutable();
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        // Console and Exception exist in every compilation that can run on a device; without them there is nothing to do.
        var knowledge = new DeferredCompilationValue<TaintKnowledge>(
            context.Compilation,
            compilation => compilation.FindType("System.Exception") is null ? null : TaintKnowledge.Create(compilation));

        // One action per member that walks its operation trees itself: per-operation actions registered at block
        // start cost the driver a dispatch table per member and a callback per operation, which is most of the
        // time in members that hold no device input at all.
        context.RegisterOperationBlockAction([MethodImpl(HotPath.Optimize)] (block) => Analyze(block, knowledge));
    }

    [MethodImpl(HotPath.Optimize)]
    private static void Analyze(OperationBlockAnalysisContext context, DeferredCompilationValue<TaintKnowledge> deferredKnowledge)
    {
        if (context.OperationBlocks.IsEmpty || deferredKnowledge.Value is not { } knowledge)
            return;
        var tree = context.OperationBlocks[0].Syntax.SyntaxTree;
        var options = context.Options;
        var analysis = MethodTaintAnalysis.Create(knowledge, () => ReadBudget(options, tree));
        var findings = analysis.Analyze(context.OperationBlocks);
        if (analysis.BoundReached || findings.Count > 0)
            Report(context, analysis, findings, tree);
    }

    [MethodImpl(HotPath.Cold)]
    private static void Report(OperationBlockAnalysisContext context, MethodTaintAnalysis analysis, IReadOnlyList<TaintFinding> findings, SyntaxTree tree)
    {
        if (analysis.BoundReached)
        {
            if (context.OwningSymbol.Locations.FirstOrDefault() is { IsInSource: true } location)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    TaintBoundRule.Rule,
                    location,
                    context.OwningSymbol.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat),
                    analysis.Budget.ToString(CultureInfo.InvariantCulture)));
            }

            return;
        }

        if (findings.Count == 0)
            return;
        var reported = new HashSet<(string, int)>();
        var allowed = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var finding in findings)
        {
            if (!reported.Add((finding.Rule.Id, finding.Node.SpanStart)))
                continue;
            if (!allowed.TryGetValue(finding.Rule.Id, out var isAllowed))
                allowed[finding.Rule.Id] = isAllowed = AllowListOption.Read(context.Options, tree, finding.Rule.Id).Allows(context.OwningSymbol);
            if (isAllowed)
                continue;

            var additional = finding.FixNode is { } fix && fix.SyntaxTree == tree ? new[] { fix.GetLocation() } : null;
            var properties = finding.FixKind is { } kind && additional is not null
                ? ImmutableDictionary<string, string?>.Empty.Add(RegexWithoutTimeoutSink.FixKindProperty, kind)
                : ImmutableDictionary<string, string?>.Empty;
            context.ReportDiagnostic(Diagnostic.Create(finding.Rule, finding.Node.GetLocation(), additional, properties, finding.Origin));
        }
    }

    private static int ReadBudget(AnalyzerOptions options, SyntaxTree tree)
    {
        var config = options.AnalyzerConfigOptionsProvider.GetOptions(tree);
        if (config.TryGetValue(MaxOperationsOptionKey, out var text)
            && int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0)
        {
            return value;
        }

        return DefaultMaxOperations;
    }
}
