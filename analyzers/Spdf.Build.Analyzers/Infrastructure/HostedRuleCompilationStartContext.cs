using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Spdf.Build.Analyzers.Infrastructure;

/// <summary>Receives a hosted rule's compilation-start registrations; everything else comes from the real context.</summary>
internal sealed class HostedRuleCompilationStartContext : CompilationStartAnalysisContext
{
    private readonly HostedRuleActions _actions;

#pragma warning disable RS1012 // Not a start action: the host's start context, whose registrations the host makes itself.
    public HostedRuleCompilationStartContext(CompilationStartAnalysisContext context, HostedRuleActions actions)
#pragma warning restore RS1012
        : this(context.Compilation, context.Options, actions, context.CancellationToken)
    {
    }

    internal HostedRuleCompilationStartContext(Compilation compilation, AnalyzerOptions options, HostedRuleActions actions, CancellationToken cancellationToken)
        : base(compilation, options, cancellationToken)
        => _actions = actions;

    public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds)
        => _actions.AddOperationAction(action, operationKinds);

    public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds)
        => _actions.AddSymbolAction(action, symbolKinds);

    public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds)
        => _actions.AddSyntaxNodeAction(action, syntaxKinds);

    public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => throw Unsupported(nameof(RegisterCompilationEndAction));

    public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => throw Unsupported(nameof(RegisterSemanticModelAction));

    public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw Unsupported(nameof(RegisterSyntaxTreeAction));

    public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action)
        => throw Unsupported(nameof(RegisterCodeBlockStartAction));

    public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw Unsupported(nameof(RegisterCodeBlockAction));

    public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => throw Unsupported(nameof(RegisterOperationBlockAction));

    public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => throw Unsupported(nameof(RegisterOperationBlockStartAction));

    public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => throw Unsupported(nameof(RegisterSymbolStartAction));

    private static NotSupportedException Unsupported(string registration)
        => HostedRuleActions.Unsupported("A hosted rule's compilation-start action", registration);
}
