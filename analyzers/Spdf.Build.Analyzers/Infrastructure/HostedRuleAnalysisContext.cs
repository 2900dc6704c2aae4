using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Spdf.Build.Analyzers.Infrastructure;

/// <summary>Receives a hosted rule's <see cref="DiagnosticAnalyzer.Initialize"/> registrations.</summary>
internal sealed class HostedRuleAnalysisContext : AnalysisContext
{
    private const GeneratedCodeAnalysisFlags HostFlags = GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics;

    private readonly HostedRuleActions _actions;
    private readonly string _rule;

    public HostedRuleAnalysisContext(HostedRuleActions actions, string rule)
    {
        _actions = actions;
        _rule = rule;
    }

    // The host itself enables concurrent execution for all rules.
    public override void EnableConcurrentExecution()
    {
    }

    // The host analyzes generated code for every rule; a rule that asked otherwise would silently change behaviour
    // when hosted, so it is refused.
    public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode)
    {
        if (analysisMode != HostFlags)
            throw new NotSupportedException(_rule + " configures generated code analysis as " + analysisMode + "; hosted rules use " + HostFlags + ".");
    }

    public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) => _actions.CompilationStartActions.Add(action);

    public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds)
        => _actions.AddOperationAction(action, operationKinds);

    public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds)
        => _actions.AddSymbolAction(action, symbolKinds);

    public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds)
        => _actions.AddSyntaxNodeAction(action, syntaxKinds);

    public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => throw Unsupported(nameof(RegisterCompilationAction));

    public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => throw Unsupported(nameof(RegisterSemanticModelAction));

    public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw Unsupported(nameof(RegisterSyntaxTreeAction));

    public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action)
        => throw Unsupported(nameof(RegisterCodeBlockStartAction));

    public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw Unsupported(nameof(RegisterCodeBlockAction));

    public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => throw Unsupported(nameof(RegisterOperationBlockAction));

    public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => throw Unsupported(nameof(RegisterOperationBlockStartAction));

    public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => throw Unsupported(nameof(RegisterSymbolStartAction));

    private NotSupportedException Unsupported(string registration) => HostedRuleActions.Unsupported(_rule, registration);
}
