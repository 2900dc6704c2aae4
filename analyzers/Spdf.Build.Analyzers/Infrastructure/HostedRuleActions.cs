using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Spdf.Build.Analyzers.Infrastructure;

/// <summary>
/// The actions hosted rules registered, grouped by what they run on, so the host can register one action per
/// operation, symbol or syntax kind that calls them in turn (see <see cref="SpdfRulesAnalyzer"/>).
/// </summary>
internal sealed class HostedRuleActions
{
    private readonly Dictionary<OperationKind, List<Action<OperationAnalysisContext>>> _operations = new();
    private readonly Dictionary<SymbolKind, List<Action<SymbolAnalysisContext>>> _symbols = new();
    private readonly Dictionary<SyntaxKind, List<Action<SyntaxNodeAnalysisContext>>> _syntaxNodes = new();

    public HostedRuleActions()
    {
    }

    private HostedRuleActions(HostedRuleActions other)
    {
        foreach (var pair in other._operations)
            _operations[pair.Key] = new List<Action<OperationAnalysisContext>>(pair.Value);
        foreach (var pair in other._symbols)
            _symbols[pair.Key] = new List<Action<SymbolAnalysisContext>>(pair.Value);
        foreach (var pair in other._syntaxNodes)
            _syntaxNodes[pair.Key] = new List<Action<SyntaxNodeAnalysisContext>>(pair.Value);
    }

    /// <summary>The compilation-start actions of the rules, run by the host at each compilation start.</summary>
    public List<Action<CompilationStartAnalysisContext>> CompilationStartActions { get; } = new();

    public HostedRuleActions CopyPerCompilationActions() => new(this);

    /// <summary>Every operation, symbol and syntax node action registered so far.</summary>
    public IEnumerable<Delegate> NodeActions
        => _operations.Values.SelectMany(actions => actions).Cast<Delegate>()
            .Concat(_symbols.Values.SelectMany(actions => actions))
            .Concat(_syntaxNodes.Values.SelectMany(actions => actions))
            .Distinct();

    public void AddOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> kinds) => Add(_operations, action, kinds);

    public void AddSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> kinds) => Add(_symbols, action, kinds);

    public void AddSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> kinds)
        where TLanguageKindEnum : struct
    {
        if ((object)kinds is not ImmutableArray<SyntaxKind> syntaxKinds)
            throw new NotSupportedException("Hosted rules analyze C# only: syntax node actions take SyntaxKind values.");
        Add(_syntaxNodes, action, syntaxKinds);
    }

    /// <summary>Registers one action per kind; a kind only one rule asked for gets that rule's action itself.</summary>
    public void RegisterOn(CompilationStartAnalysisContext context)
    {
        foreach (var pair in _operations)
            context.RegisterOperationAction(Combine(pair.Value), pair.Key);
        foreach (var pair in _symbols)
            context.RegisterSymbolAction(Combine(pair.Value), pair.Key);
        foreach (var pair in _syntaxNodes)
            context.RegisterSyntaxNodeAction(Combine(pair.Value), pair.Key);
    }

    /// <summary>The error for a registration the host does not forward (both collecting contexts refuse the same way).</summary>
    public static NotSupportedException Unsupported(string rule, string registration)
        => new(rule + " calls " + registration + ", which the rule host does not forward; run the rule as its own analyzer.");

    private static void Add<TKind, TContext>(Dictionary<TKind, List<Action<TContext>>> table, Action<TContext> action, ImmutableArray<TKind> kinds)
        where TKind : notnull
    {
        foreach (var kind in kinds)
        {
            if (!table.TryGetValue(kind, out var actions))
                table[kind] = actions = new List<Action<TContext>>();
            actions.Add(action);
        }
    }

    private static Action<TContext> Combine<TContext>(List<Action<TContext>> actions)
    {
        if (actions.Count == 1)
            return actions[0];
        var all = actions.ToArray();
        return [MethodImpl(HotPath.Optimize)] (context) =>
        {
            foreach (var action in all)
                action(context);
        };
    }
}
