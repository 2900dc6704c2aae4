using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using Spdf.Build.Analyzers.Infrastructure;
using Spdf.Build.Analyzers.InputHandling.Sinks;

namespace Spdf.Build.Analyzers.InputHandling;

/// <summary>
/// Intra-procedural taint analysis of one member's operation blocks (lambdas and local functions included).
/// <see cref="Analyze"/> walks the operation trees once: it notes whether anything in the member can introduce
/// taint (a source call or property, an untrusted parameter, an exception, a network stream) and keeps the
/// operations that define variables, guard them or feed a sink. A member without any taint-introducing operation
/// ends there: it cannot report anything, so no summaries are built for it. Otherwise each definition is
/// summarised once, the variables' taint is solved with a worklist (flow-insensitive over definitions, with
/// guards applied where a variable is read) and each sink site is evaluated. Every step after the walk counts
/// against a work bound; past it the member is abandoned and <see cref="BoundReached"/> is set.
/// </summary>
internal sealed class MethodTaintAnalysis
{
    private readonly TaintKnowledge _knowledge;
    private readonly Func<int> _readBudget;
    private int _budget = -1;
    private HashSet<IParameterSymbol>? _handlerParameters;
    private int _work;
    private ITypeSymbol? _lastTypeAsked;
    private bool _lastTypeCarries;
    private IParameterSymbol? _lastParameterAsked;
    private bool _lastParameterUntrusted;

    // The solver's state, created only for a member that introduces taint (most members introduce none, and
    // allocating these for every member was a tenth of the analyzer's time).
    private Dictionary<ISymbol, List<Definition>> _definitions = null!;
    private Dictionary<ISymbol, Taint> _state = null!;
    private Dictionary<ISymbol, List<GuardFact>> _facts = null!;
    private List<SinkSite> _sites = null!;
    private List<IOperation> _guardOperations = null!;
    private List<(ISymbol, TaintFlags, bool)> _factsWhenTrue = null!;
    private List<(ISymbol, TaintFlags, bool)> _factsWhenFalse = null!;

    private MethodTaintAnalysis(TaintKnowledge knowledge, Func<int> readBudget)
    {
        _knowledge = knowledge;
        _readBudget = readBudget;
    }

    /// <summary>
    /// <paramref name="readBudget"/> gives the work bound; it is read only for a member that introduces taint (reading
    /// the options per member was a tenth of the analyzer's time, and most members introduce none).
    /// </summary>
    [MethodImpl(HotPath.Optimize)]
    public static MethodTaintAnalysis Create(TaintKnowledge knowledge, Func<int> readBudget) => new(knowledge, readBudget);

    /// <summary>The work bound of this member's analysis.</summary>
    public int Budget => _budget >= 0 ? _budget : _budget = _readBudget();

    /// <summary>True once the work bound was reached; the member is then not analysed further.</summary>
    public bool BoundReached { get; private set; }

    /// <summary>Analyses the member's operation blocks and returns the findings (none when the bound was reached).</summary>
    [MethodImpl(HotPath.Optimize)]
    public IReadOnlyList<TaintFinding> Analyze(ImmutableArray<IOperation> blocks)
    {
        var buffers = TaintWalkBuffers.Rent();
        try
        {
            if (!Walk(blocks, buffers))
                return Array.Empty<TaintFinding>();
            CreateSolverState();
            var collected = buffers.Collected;
            for (var i = 0; i < collected.Count; i++)
            {
                Spend();
                Collect(collected[i]);
            }

            if (_sites.Count == 0)
                return Array.Empty<TaintFinding>();
            CollectGuards();
            Solve();
            return CheckSites();
        }
        catch (BoundReachedException)
        {
            BoundReached = true;
            return Array.Empty<TaintFinding>();
        }
        finally
        {
            TaintWalkBuffers.Return(buffers);
        }
    }

    private void CreateSolverState()
    {
        _definitions = new Dictionary<ISymbol, List<Definition>>(SymbolEqualityComparer.Default);
        _state = new Dictionary<ISymbol, Taint>(SymbolEqualityComparer.Default);
        _facts = new Dictionary<ISymbol, List<GuardFact>>(SymbolEqualityComparer.Default);
        _sites = new List<SinkSite>();
        _guardOperations = new List<IOperation>();
        _factsWhenTrue = new List<(ISymbol, TaintFlags, bool)>();
        _factsWhenFalse = new List<(ISymbol, TaintFlags, bool)>();
    }

    /// <summary>
    /// One pre-order walk (source order, like the driver's operation actions) with an explicit stack, so deeply
    /// nested expressions cannot overflow the call stack. Returns whether anything in the member introduces taint.
    /// </summary>
    [MethodImpl(HotPath.Optimize)]
    private bool Walk(ImmutableArray<IOperation> blocks, TaintWalkBuffers buffers)
    {
        var introducesTaint = false;
        var pending = buffers.Pending;
        var collected = buffers.Collected;
        for (var i = blocks.Length - 1; i >= 0; i--)
            pending.Push(blocks[i]);
        while (pending.Count > 0)
        {
            var operation = pending.Pop();
            var kind = operation.Kind;
            if (IsCollected(kind))
                collected.Add(operation);
            else if (kind == OperationKind.AnonymousFunction && _knowledge.AspNetCore.IsPresent)
                NoteMinimalApiHandler((IAnonymousFunctionOperation)operation);
            if (!introducesTaint && IntroducesTaint(operation, kind))
                introducesTaint = true;
            foreach (var child in operation.ChildOperations.Reverse())
                pending.Push(child);
        }

        return introducesTaint;
    }

    private void NoteMinimalApiHandler(IAnonymousFunctionOperation lambda)
    {
        if (lambda.Symbol.Parameters.IsEmpty || !_knowledge.AspNetCore.IsMinimalApiHandler(lambda))
            return;
        foreach (var parameter in lambda.Symbol.Parameters)
        {
            if (_knowledge.AspNetCore.IsBoundHandlerParameter(parameter))
                (_handlerParameters ??= new HashSet<IParameterSymbol>(SymbolEqualityComparer.Default)).Add(parameter);
        }
    }

    [MethodImpl(HotPath.Optimize)]
    private static bool IsCollected(OperationKind kind) => kind switch
    {
        OperationKind.VariableDeclarator or OperationKind.SimpleAssignment or OperationKind.CompoundAssignment
            or OperationKind.CoalesceAssignment or OperationKind.Loop or OperationKind.IsPattern or OperationKind.Invocation
            or OperationKind.ObjectCreation or OperationKind.Conditional or OperationKind.Switch or OperationKind.SwitchExpression
            or OperationKind.Return or OperationKind.YieldReturn => true,
        _ => false,
    };

    /// <summary>Exactly the operations that <see cref="Summarize"/> gives a taint of their own (a superset is safe).</summary>
    [MethodImpl(HotPath.Optimize)]
    private bool IntroducesTaint(IOperation operation, OperationKind kind)
    {
        // Kind before type tests: a failed interface test scans the operation's interface map, and most operations
        // would fail all four.
        switch (kind)
        {
            case OperationKind.Invocation:
                var invocation = (IInvocationOperation)operation;
                if (_knowledge.IsSourceCall(invocation.TargetMethod)
                    || _knowledge.IsNetworkStreamRead(invocation.TargetMethod, invocation.Instance))
                {
                    return true;
                }

                break;
            case OperationKind.PropertyReference:
                if (_knowledge.IntroducesTaint(((IPropertyReferenceOperation)operation).Property))
                    return true;
                break;
            case OperationKind.FieldReference:
                if (_knowledge.IsMarkedUntrusted(((IFieldReferenceOperation)operation).Field))
                    return true;
                break;
            case OperationKind.ParameterReference:
                if (IsUntrustedParameter(((IParameterReferenceOperation)operation).Parameter))
                    return true;
                break;
        }

        return operation.Type is { TypeKind: TypeKind.Class, SpecialType: SpecialType.None } type && IsCarrier(type) && !IsThrown(operation);
    }

    // A member reads its few parameters again and again: remember the last one.
    [MethodImpl(HotPath.Optimize)]
    private bool IsUntrustedParameter(IParameterSymbol parameter)
    {
        if (!ReferenceEquals(parameter, _lastParameterAsked))
        {
            _lastParameterAsked = parameter;
            _lastParameterUntrusted = IsMainArguments(parameter) || _knowledge.IsMarkedUntrustedOwnParameter(parameter) || IsRequestBound(parameter);
        }

        return _lastParameterUntrusted;
    }

    /// <summary>
    /// An exception created to be thrown (<c>throw new ArgumentException(...)</c>): its value reaches nothing in the
    /// member but the throw, which no summary reads; a catch that receives it reads its own, exception-typed variable.
    /// Most members that introduce taint only by an exception do it this way.
    /// </summary>
    [MethodImpl(HotPath.Optimize)]
    private static bool IsThrown(IOperation operation)
    {
        var parent = operation.Parent;
        while (parent is IConversionOperation)
            parent = parent.Parent;
        return parent is IThrowOperation;
    }

    // Neighbouring operations often share a type (a receiver and its member, a chain of calls): remember the last one.
    [MethodImpl(HotPath.Optimize)]
    private bool IsCarrier(ITypeSymbol type)
    {
        if (!ReferenceEquals(type, _lastTypeAsked))
        {
            _lastTypeAsked = type;
            _lastTypeCarries = _knowledge.CarrierOf(type) != TaintCarrier.None;
        }

        return _lastTypeCarries;
    }

    // ---- collection -------------------------------------------------------------------------------------

    private void Collect(IOperation operation)
    {
        switch (operation)
        {
            case IVariableDeclaratorOperation { Initializer: { } initializer } declarator:
                Define(declarator.Symbol, initializer.Value, DefinitionKind.Value);
                break;
            case IAssignmentOperation assignment:
                CollectAssignment(assignment);
                break;
            case IForEachLoopOperation loop:
                foreach (var local in loop.Locals)
                    Define(local, loop.Collection, DefinitionKind.Value);
                break;
            case IIsPatternOperation isPattern:
                CollectPatternDeclarations(isPattern.Pattern, isPattern.Value);
                break;
            case IInvocationOperation invocation:
                CollectInvocation(invocation);
                break;
            case IObjectCreationOperation creation when creation.Constructor is { } constructor:
                AddSinkSites(_knowledge.RoleOf(constructor), creation.Arguments, creation);
                break;
            case IConditionalOperation or ISwitchOperation or ISwitchExpressionOperation:
                _guardOperations.Add(operation);
                break;
            case IReturnOperation { ReturnedValue: { } returned } when EnclosingLocalFunction(operation) is { } localFunction:
                Define(localFunction, returned, DefinitionKind.Value);
                break;
        }
    }

    /// <summary>The local function a statement belongs to (not crossing a lambda), whose calls then return what it returns.</summary>
    private static IMethodSymbol? EnclosingLocalFunction(IOperation operation)
    {
        for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is ILocalFunctionOperation localFunction)
                return localFunction.Symbol;
            if (parent is IAnonymousFunctionOperation)
                return null;
        }

        return null;
    }

    /// <summary>After all definitions are known, so that an allow-list held in a local can be recognised.</summary>
    private void CollectGuards()
    {
        foreach (var operation in _guardOperations)
        {
            switch (operation)
            {
                case IConditionalOperation conditional:
                    CollectConditionalFacts(conditional);
                    break;
                case ISwitchOperation switchStatement:
                    CollectSwitchFacts(switchStatement);
                    break;
                case ISwitchExpressionOperation switchExpression:
                    CollectSwitchExpressionFacts(switchExpression);
                    break;
            }
        }
    }

    private void CollectAssignment(IAssignmentOperation assignment)
    {
        switch (assignment.Target)
        {
            case ILocalReferenceOperation local:
                Define(local.Local, assignment.Value, DefinitionKind.Value);
                break;
            case IParameterReferenceOperation parameter:
                Define(parameter.Parameter, assignment.Value, DefinitionKind.Value);
                break;
            case IPropertyReferenceOperation property when assignment is ISimpleAssignmentOperation
                                                         && _knowledge.SinkOfProperty(property.Property) is { } sink:
                _sites.Add(SinkSite.ForSink(sink, assignment.Value, assignment));
                break;
        }
    }

    private void CollectPatternDeclarations(IPatternOperation pattern, IOperation value)
    {
        switch (pattern)
        {
            case IDeclarationPatternOperation { DeclaredSymbol: { } symbol }:
                Define(symbol, value, DefinitionKind.Value);
                break;
            case IRecursivePatternOperation { DeclaredSymbol: { } symbol }:
                Define(symbol, value, DefinitionKind.Value);
                break;
        }
    }

    private void CollectInvocation(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var role = _knowledge.RoleOf(method);
        AddSinkSites(role, invocation.Arguments, invocation);

        if (method.MethodKind == MethodKind.LocalFunction)
        {
            // Local functions are followed through the member: each parameter holds what any call passes.
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is { RefKind: RefKind.None } parameter && argument.ArgumentKind != ArgumentKind.DefaultValue)
                    Define(parameter.OriginalDefinition, argument.Value, DefinitionKind.Value);
            }
        }

        var isNetworkRead = _knowledge.IsNetworkStreamRead(method, invocation.Instance);
        if (role.Kind != MethodRoleKind.None || isNetworkRead)
            CollectInvocationEffects(invocation, role, isNetworkRead);
        if (invocation.Instance is { } receiver && IsCollectionAdd(method) && SymbolOf(receiver) is { } collection)
            Define(collection, invocation, DefinitionKind.ArgumentsOf);

        CollectRegexSite(invocation);
        CollectPeerWriteSite(invocation);
    }

    /// <summary>Buffers and out arguments of readers receive the data; a <c>StringBuilder</c> receives what is appended.</summary>
    private void CollectInvocationEffects(IInvocationOperation invocation, MethodRole role, bool isNetworkRead)
    {
        var method = invocation.TargetMethod;
        var fillsBuffers = role.Kind == MethodRoleKind.Source || isNetworkRead
                           || method.Name.StartsWith("Read", StringComparison.Ordinal)
                           || method.Name.StartsWith("Receive", StringComparison.Ordinal)
                           || method.Name.StartsWith("Copy", StringComparison.Ordinal)
                           || method.Name is "GetBytes" or "GetChars" or "BlockCopy" or "TryFromBase64String" or "FromBase64String";
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is not { } parameter || SymbolOf(argument.Value) is not { } target)
                continue;
            if (parameter.RefKind is RefKind.Out or RefKind.Ref || (fillsBuffers && IsBufferType(parameter.Type)))
                Define(target, invocation, DefinitionKind.Effect);
        }

        if (invocation.Instance is { } instance && SymbolOf(instance) is { } builder
            && SymbolEqualityComparer.Default.Equals(instance.Type, _knowledge.StringBuilder)
            && method.Name is "Append" or "AppendLine" or "AppendFormat" or "Insert" or "Replace" or "AppendJoin")
        {
            Define(builder, invocation, DefinitionKind.Effect);
        }
    }

    private void AddSinkSites(MethodRole role, ImmutableArray<IArgumentOperation> arguments, IOperation position)
    {
        foreach (var (ordinal, sink) in role.SinkParameters)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter is not { } parameter || parameter.Ordinal != ordinal || argument.ArgumentKind == ArgumentKind.DefaultValue)
                    continue;
                if (parameter.OriginalDefinition.Type.TypeKind == TypeKind.TypeParameter && parameter.Type.SpecialType != SpecialType.System_String)
                    continue;
                _sites.Add(SinkSite.ForSink(sink, argument.Value, position));
            }
        }
    }

    private void CollectRegexSite(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (_knowledge.Regex is null || !SymbolEqualityComparer.Default.Equals(method.ContainingType, _knowledge.Regex))
            return;
        var input = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "input");
        if (input is null)
            return;

        if (method.IsStatic)
        {
            if (HasTimeoutOrNonBacktracking(invocation.Arguments) || !MayBacktrack(ConstantPattern(invocation.Arguments)))
                return;
            _sites.Add(SinkSite.ForRegex(input.Value, invocation, receiver: null));
            return;
        }

        if (invocation.Instance is { } receiver)
            _sites.Add(SinkSite.ForRegex(input.Value, invocation, receiver));
    }

    /// <summary>
    /// Whether the regex the receiver evaluates to was built without a timeout, the creation to fix, and its pattern
    /// when that is a constant.
    /// </summary>
    private (bool WithoutTimeout, SyntaxNode? Creation, string? Pattern, string? FullMatchPattern) RegexWithoutTimeout(IOperation? receiver)
    {
        receiver = StripConversions(receiver);
        switch (receiver)
        {
            case IObjectCreationOperation creation:
                return (!HasTimeoutOrNonBacktracking(creation.Arguments), creation.Syntax, ConstantPattern(creation.Arguments), ConstantPattern(creation.Arguments, forFullMatch: true));
            case ILocalReferenceOperation local when _definitions.TryGetValue(local.Local, out var definitions) && definitions.Count == 1:
                return RegexWithoutTimeout(definitions[0].Value);
            case IFieldReferenceOperation field:
                return RegexDeclaredWithoutTimeout(field.Field, receiver.Syntax.SyntaxTree);
            case IPropertyReferenceOperation property:
                return GeneratedRegexWithoutTimeout(property.Property) ?? RegexDeclaredWithoutTimeout(property.Property, receiver.Syntax.SyntaxTree);
            case IInvocationOperation invocation:
                return GeneratedRegexWithoutTimeout(invocation.TargetMethod) ?? (false, null, null, null);
            default:
                return (false, null, null, null);
        }
    }

    /// <summary>The constant pattern of a regex call or creation; null when computed or when <c>Multiline</c> changes what the anchors mean.</summary>
    private static string? ConstantPattern(ImmutableArray<IArgumentOperation> arguments, bool forFullMatch = false)
    {
        string? pattern = null;
        foreach (var argument in arguments)
        {
            if (argument.Parameter?.Name == "pattern")
                pattern = argument.Value.ConstantValue is { HasValue: true, Value: string text } ? text : null;
            else if (forFullMatch && argument.Parameter?.Name == "options" && (argument.Value.ConstantValue is not { HasValue: true, Value: int } || IsMultiline(argument)))
                return null;
        }

        return pattern;
    }

    private const int RegexMultiline = 2;

    private static bool IsMultiline(IArgumentOperation argument)
        => argument.Parameter?.Name == "options" && argument.Value.ConstantValue is { HasValue: true, Value: int options } && (options & RegexMultiline) != 0;

    /// <summary>A pattern not known at compile time may backtrack; a constant one only if its shape allows it.</summary>
    private static bool MayBacktrack(string? pattern) => pattern is null || RegexPatternShape.IsBacktrackingProne(pattern);

    private (bool, SyntaxNode?, string?, string?)? GeneratedRegexWithoutTimeout(ISymbol member)
    {
        foreach (var attribute in member.GetAttributes())
        {
            if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _knowledge.GeneratedRegexAttribute))
                continue;
            var arguments = attribute.ConstructorArguments;
            var hasTimeout = arguments.Length >= 3 && arguments[2].Value is int milliseconds && milliseconds > 0;
            var nonBacktracking = arguments.Length >= 2 && arguments[1].Value is int options && (options & RegexNonBacktracking) != 0;
            var multiline = arguments.Length >= 2 && arguments[1].Value is int flags && (flags & RegexMultiline) != 0;
            var pattern = arguments.Length >= 1 ? arguments[0].Value as string : null;
            return (!hasTimeout && !nonBacktracking, null, pattern, multiline ? null : pattern);
        }

        return null;
    }

    /// <summary>A field or property initialised with <c>new Regex(pattern[, options])</c>, read from its declaration.</summary>
    private static (bool, SyntaxNode?, string?, string?) RegexDeclaredWithoutTimeout(ISymbol member, SyntaxTree usingTree)
    {
        if (member is IFieldSymbol { IsReadOnly: false } || member.DeclaringSyntaxReferences.Length != 1)
            return (false, null, null, null);
        var declaration = member.DeclaringSyntaxReferences[0].GetSyntax();
        var value = declaration switch
        {
            VariableDeclaratorSyntax { Initializer.Value: var v } => v,
            PropertyDeclarationSyntax { Initializer.Value: var v, AccessorList.Accessors: { Count: 1 } accessors } when accessors[0].Body is null && accessors[0].ExpressionBody is null && accessors[0].Keyword.Text == "get" => v,
            _ => null,
        };
        if (value is not BaseObjectCreationExpressionSyntax { ArgumentList: { } argumentList } creation)
            return (false, null, null, null);
        var arguments = argumentList.Arguments;
        var hasTimeout = arguments.Count >= 3 || arguments.Any(a => a.NameColon?.Name.Identifier.Text == "matchTimeout");
        var nonBacktracking = arguments.Any(a => a.Expression.ToString().Contains("NonBacktracking"));
        var mentionsRegex = creation is ImplicitObjectCreationExpressionSyntax || creation is ObjectCreationExpressionSyntax { Type: var type } && type.ToString().EndsWith("Regex", StringComparison.Ordinal);
        var pattern = arguments.Count > 0 && arguments[0].Expression is LiteralExpressionSyntax literal && literal.Token.Value is string text ? text : null;
        var fullMatchPattern = arguments.Any(a => a.Expression.ToString().Contains("Multiline")) ? null : pattern;
        if (!mentionsRegex)
            return (false, null, null, null);
        if (hasTimeout || nonBacktracking)
            return (false, null, pattern, fullMatchPattern);
        return (true, creation.SyntaxTree == usingTree ? creation : null, pattern, fullMatchPattern);
    }

    private const int RegexNonBacktracking = 1024;

    private bool HasTimeoutOrNonBacktracking(ImmutableArray<IArgumentOperation> arguments)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter?.Name == "matchTimeout")
                return true;
            if (argument.Parameter?.Name == "options")
            {
                if (argument.Value.ConstantValue is not { HasValue: true, Value: int options })
                    return true; // options computed at run time: cannot tell, stay silent
                if ((options & RegexNonBacktracking) != 0)
                    return true;
            }
        }

        return false;
    }

    private void CollectPeerWriteSite(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (!_knowledge.PeerWriteMethodNames.Contains(method.Name))
            return;
        var channelType = invocation.Instance?.Type ?? method.ContainingType;
        foreach (var pair in _knowledge.ChannelWrites)
        {
            if (NameList.Contains(pair.Value, method.Name) && TaintKnowledge.IsOrInherits(channelType, pair.Key))
            {
                AddPeerWriteSites(invocation, channel: null);
                return;
            }
        }

        if (invocation.Instance is { } writer
            && ExceptionDetailsSink.WriterMethodNames.Contains(method.Name)
            && (TaintKnowledge.IsOrInherits(writer.Type, _knowledge.TextWriter)
                || TaintKnowledge.IsOrInherits(writer.Type, _knowledge.Stream)
                || TaintKnowledge.IsOrInherits(writer.Type, _knowledge.BinaryWriter)))
        {
            AddPeerWriteSites(invocation, channel: writer);
        }
    }

    private void AddPeerWriteSites(IInvocationOperation invocation, IOperation? channel)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.ArgumentKind != ArgumentKind.DefaultValue)
                _sites.Add(SinkSite.ForPeerWrite(argument.Value, invocation, channel));
        }
    }

    // ---- guards -----------------------------------------------------------------------------------------

    private void CollectConditionalFacts(IConditionalOperation conditional)
    {
        var whenTrue = _factsWhenTrue;
        var whenFalse = _factsWhenFalse;
        whenTrue.Clear();
        whenFalse.Clear();
        CollectConditionFacts(conditional.Condition, true, whenTrue);
        CollectConditionFacts(conditional.Condition, false, whenFalse);
        if (whenTrue.Count == 0 && whenFalse.Count == 0)
            return;

        AddFacts(whenTrue, conditional.WhenTrue.Syntax.Span);
        if (conditional.WhenFalse is { } elseBranch)
            AddFacts(whenFalse, elseBranch.Syntax.Span);

        // if (!Allowed.Contains(x)) return;  ...  x is checked in the rest of the block.
        if (conditional.Parent is IBlockOperation block)
        {
            var rest = TextSpan.FromBounds(conditional.Syntax.Span.End, block.Syntax.Span.End);
            if (AlwaysExits(conditional.WhenTrue))
                AddFacts(whenFalse, rest);
            if (conditional.WhenFalse is { } otherwise && AlwaysExits(otherwise))
                AddFacts(whenTrue, rest);
        }
    }

    private void AddFacts(List<(ISymbol Symbol, TaintFlags Cleared, bool RequiresFullPath)> facts, TextSpan region)
    {
        foreach (var (symbol, cleared, requiresFullPath) in facts)
            AddFact(new GuardFact(symbol, cleared, region, requiresFullPath));
    }

    private void AddFact(GuardFact fact)
    {
        if (!_facts.TryGetValue(fact.Symbol, out var list))
            _facts[fact.Symbol] = list = new List<GuardFact>(1);
        list.Add(fact);
    }

    private static bool AlwaysExits(IOperation branch)
    {
        while (branch is IBlockOperation { Operations.Length: > 0 } block)
            branch = block.Operations[block.Operations.Length - 1];
        return branch is IReturnOperation or IThrowOperation or IBranchOperation
               || branch is IExpressionStatementOperation { Operation: IThrowOperation };
    }

    private void CollectConditionFacts(IOperation condition, bool whenTrue, List<(ISymbol, TaintFlags, bool)> facts)
    {
        Spend();
        condition = StripConversions(condition)!;
        switch (condition)
        {
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                CollectConditionFacts(not.Operand, !whenTrue, facts);
                break;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } conjunction when whenTrue:
                CollectConditionFacts(conjunction.LeftOperand, true, facts);
                CollectConditionFacts(conjunction.RightOperand, true, facts);
                break;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } disjunction when !whenTrue:
                CollectConditionFacts(disjunction.LeftOperand, false, facts);
                CollectConditionFacts(disjunction.RightOperand, false, facts);
                break;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr or BinaryOperatorKind.ConditionalAnd } either:
                // x == "a" || x == "b" (or its negation x != "a" && x != "b" when false): what both sides establish.
                CollectCommonFacts(either.LeftOperand, either.RightOperand, whenTrue, facts);
                break;
            case IBinaryOperation comparison when IndexOfComparison(comparison) is { } found:
                if (found.MeansFound == whenTrue)
                    AddMembershipFact(found.Search, facts);
                break;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison
                when whenTrue == (comparison.OperatorKind == BinaryOperatorKind.Equals):
                AddEqualityFact(comparison.LeftOperand, comparison.RightOperand, facts);
                break;
            case IIsPatternOperation isPattern when whenTrue && IsConstantPattern(isPattern.Pattern) && SymbolOf(isPattern.Value) is { } tested:
                facts.Add((tested, TaintFlags.AllowListed, false));
                break;
            case IIsPatternOperation { Pattern: INegatedPatternOperation negated } isNot when !whenTrue && IsConstantPattern(negated.Pattern) && SymbolOf(isNot.Value) is { } tested:
                facts.Add((tested, TaintFlags.AllowListed, false));
                break;
            case IInvocationOperation invocation when whenTrue:
                CollectInvocationFact(invocation, facts);
                break;
        }
    }

    private void CollectCommonFacts(IOperation left, IOperation right, bool whenTrue, List<(ISymbol, TaintFlags, bool)> facts)
    {
        var leftFacts = new List<(ISymbol Symbol, TaintFlags Cleared, bool RequiresFullPath)>();
        CollectConditionFacts(left, whenTrue, leftFacts);
        if (leftFacts.Count == 0)
            return;
        var rightFacts = new List<(ISymbol Symbol, TaintFlags Cleared, bool RequiresFullPath)>();
        CollectConditionFacts(right, whenTrue, rightFacts);
        foreach (var l in leftFacts)
        {
            foreach (var r in rightFacts)
            {
                var cleared = l.Cleared & r.Cleared;
                if (cleared != TaintFlags.None && SymbolEqualityComparer.Default.Equals(l.Symbol, r.Symbol))
                    facts.Add((l.Symbol, cleared, l.RequiresFullPath || r.RequiresFullPath));
            }
        }
    }

    /// <summary>
    /// <c>Array.IndexOf(Known, x) &gt;= 0</c>, <c>Known.IndexOf(x) != -1</c>, <c>... &lt; 0</c>, <c>... == -1</c>: the search,
    /// and whether the comparison being true means the item was found.
    /// </summary>
    private static (IInvocationOperation Search, bool MeansFound)? IndexOfComparison(IBinaryOperation comparison)
    {
        var (search, bound, kind) = StripConversions(comparison.LeftOperand) is IInvocationOperation { TargetMethod.Name: "IndexOf" } left
            ? (left, comparison.RightOperand, comparison.OperatorKind)
            : StripConversions(comparison.RightOperand) is IInvocationOperation { TargetMethod.Name: "IndexOf" } right
                ? (right, comparison.LeftOperand, Mirror(comparison.OperatorKind))
                : (null, null, BinaryOperatorKind.None);
        if (search is null || search.TargetMethod.ContainingType.SpecialType == SpecialType.System_String
            || bound!.ConstantValue is not { HasValue: true, Value: int value })
        {
            return null;
        }

        return (kind, value) switch
        {
            (BinaryOperatorKind.GreaterThanOrEqual, 0) or (BinaryOperatorKind.GreaterThan, -1) or (BinaryOperatorKind.NotEquals, -1) => (search, true),
            (BinaryOperatorKind.LessThan, 0) or (BinaryOperatorKind.LessThanOrEqual, -1) or (BinaryOperatorKind.Equals, -1) => (search, false),
            _ => null,
        };
    }

    private static BinaryOperatorKind Mirror(BinaryOperatorKind kind) => kind switch
    {
        BinaryOperatorKind.LessThan => BinaryOperatorKind.GreaterThan,
        BinaryOperatorKind.LessThanOrEqual => BinaryOperatorKind.GreaterThanOrEqual,
        BinaryOperatorKind.GreaterThan => BinaryOperatorKind.LessThan,
        BinaryOperatorKind.GreaterThanOrEqual => BinaryOperatorKind.LessThanOrEqual,
        _ => kind,
    };

    /// <summary>A membership test of an item in a collection of constants (<c>Contains</c>, <c>IndexOf</c>): the item is allow-listed.</summary>
    private void AddMembershipFact(IInvocationOperation invocation, List<(ISymbol, TaintFlags, bool)> facts)
    {
        var arguments = invocation.Arguments;
        var (collection, item) = invocation.Instance is { } instance
            ? (instance, arguments.Length > 0 ? arguments[0].Value : null)
            : (arguments.Length > 0 ? arguments[0].Value : null, arguments.Length > 1 ? arguments[1].Value : null);
        if (collection is not null && item is not null && SymbolOf(item) is { } member && IsConstantSet(collection))
            facts.Add((member, TaintFlags.AllowListed, false));
    }

    /// <summary><c>Array.Exists(Known, k =&gt; k == x)</c>, <c>Known.Any(k =&gt; string.Equals(k, x, ...))</c>: x is allow-listed.</summary>
    private void AddPredicateMembershipFact(IInvocationOperation invocation, List<(ISymbol, TaintFlags, bool)> facts)
    {
        var arguments = invocation.Arguments;
        var collection = invocation.Instance ?? (arguments.Length > 0 ? arguments[0].Value : null);
        var predicate = arguments.Length > 0 ? StripConversions(arguments[arguments.Length - 1].Value) : null;
        if (collection is null || predicate is not IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda }
            || lambda.Symbol.Parameters.Length != 1 || lambda.Body.Operations.Length != 1
            || lambda.Body.Operations[0] is not IReturnOperation { ReturnedValue: { } returned })
        {
            return;
        }

        var element = lambda.Symbol.Parameters[0];
        var (left, right) = StripConversions(returned) switch
        {
            IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } equals => (equals.LeftOperand, equals.RightOperand),
            IInvocationOperation { TargetMethod.Name: "Equals", Instance: { } self } call when call.Arguments.Length >= 1 => (self, call.Arguments[0].Value),
            IInvocationOperation { TargetMethod.Name: "Equals", Instance: null } call when call.Arguments.Length >= 2 => (call.Arguments[0].Value, call.Arguments[1].Value),
            _ => (null, null),
        };
        if (left is null || right is null)
            return;
        var tested = SymbolEqualityComparer.Default.Equals(SymbolOf(left), element) ? SymbolOf(right)
            : SymbolEqualityComparer.Default.Equals(SymbolOf(right), element) ? SymbolOf(left)
            : null;
        if (tested is not null && !SymbolEqualityComparer.Default.Equals(tested, element) && IsConstantSet(collection))
            facts.Add((tested, TaintFlags.AllowListed, false));
    }

    private void AddEqualityFact(IOperation left, IOperation right, List<(ISymbol, TaintFlags, bool)> facts)
    {
        if (IsNonNullConstant(right) && SymbolOf(left) is { } l)
            facts.Add((l, TaintFlags.AllowListed, false));
        else if (IsNonNullConstant(left) && SymbolOf(right) is { } r)
            facts.Add((r, TaintFlags.AllowListed, false));
    }

    private void CollectInvocationFact(IInvocationOperation invocation, List<(ISymbol, TaintFlags, bool)> facts)
    {
        var method = invocation.TargetMethod;
        var arguments = invocation.Arguments;
        switch (method.Name)
        {
            case "Contains" or "ContainsKey":
                AddMembershipFact(invocation, facts);
                break;
            case "Exists" or "Any":
                AddPredicateMembershipFact(invocation, facts);
                break;
            case "Equals":
                if (invocation.Instance is { } self && arguments.Length > 0)
                    AddEqualityFact(self, arguments[0].Value, facts);
                else if (arguments.Length >= 2)
                    AddEqualityFact(arguments[0].Value, arguments[1].Value, facts);
                break;
            case "StartsWith" when invocation.Instance is { } prefixed && prefixed.Type?.SpecialType == SpecialType.System_String && SymbolOf(prefixed) is { } path:
                facts.Add((path, TaintFlags.PathSafe, true));
                break;
            case "IsMatch" when SymbolEqualityComparer.Default.Equals(method.ContainingType, _knowledge.Regex):
                var input = arguments.FirstOrDefault(a => a.Parameter?.Name == "input");
                var pattern = method.IsStatic ? ConstantPattern(arguments, forFullMatch: true) : RegexWithoutTimeout(invocation.Instance).FullMatchPattern;
                if (input is not null && SymbolOf(input.Value) is { } validated && pattern is not null && RegexPatternShape.IsRestrictiveFullMatch(pattern))
                    facts.Add((validated, TaintFlags.AllowListed, false));
                break;
        }
    }

    private void CollectSwitchFacts(ISwitchOperation switchStatement)
    {
        if (SymbolOf(switchStatement.Value) is not { } tested)
            return;
        foreach (var section in switchStatement.Cases)
        {
            var allConstant = section.Clauses.Length > 0 && section.Clauses.All(clause => clause switch
            {
                ISingleValueCaseClauseOperation single => single.Value.ConstantValue.HasValue,
                IPatternCaseClauseOperation pattern => pattern.Guard is null && IsConstantPattern(pattern.Pattern),
                _ => false,
            });
            if (allConstant)
                AddFact(new GuardFact(tested, TaintFlags.AllowListed, section.Syntax.Span, false));
        }
    }

    private void CollectSwitchExpressionFacts(ISwitchExpressionOperation switchExpression)
    {
        if (SymbolOf(switchExpression.Value) is not { } tested)
            return;
        foreach (var arm in switchExpression.Arms)
        {
            if (arm.Guard is null && IsConstantPattern(arm.Pattern))
                AddFact(new GuardFact(tested, TaintFlags.AllowListed, arm.Value.Syntax.Span, false));
        }
    }

    private static bool IsConstantPattern(IPatternOperation pattern) => pattern switch
    {
        IConstantPatternOperation constant => IsNonNullConstant(constant.Value),
        IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or } either => IsConstantPattern(either.LeftPattern) && IsConstantPattern(either.RightPattern),
        _ => false,
    };

    /// <summary>A readonly field or static get-only property, a constant string, or a collection of constants.</summary>
    private bool IsConstantSet(IOperation collection)
    {
        Spend();
        collection = StripConversions(collection)!;
        switch (collection)
        {
            case IFieldReferenceOperation field:
                return field.Field.IsConst || field.Field.IsReadOnly;
            case IPropertyReferenceOperation { Property: { IsStatic: true, SetMethod: null } }:
                return true;
            case ILiteralOperation { ConstantValue.HasValue: true }:
                return true;
            case IArrayCreationOperation { Initializer: { } initializer }:
                return initializer.ElementValues.All(IsNonNullConstant);
            case IObjectCreationOperation { Initializer: { } initializer }:
                return initializer.Initializers.All(i => i is IInvocationOperation add && add.Arguments.All(a => IsNonNullConstant(a.Value)));
            case ILocalReferenceOperation local:
                return _definitions.TryGetValue(local.Local, out var definitions)
                       && definitions.All(d => d.Kind == DefinitionKind.Value && IsConstantSet(d.Value));
            default:
                return false;
        }
    }

    private TaintFlags ClearedByGuards(ISymbol symbol, IOperation position)
    {
        if (_facts.Count == 0 || !_facts.TryGetValue(symbol, out var facts))
            return TaintFlags.None;
        var cleared = TaintFlags.None;
        var start = position.Syntax.SpanStart;
        foreach (var fact in facts)
        {
            if (!fact.Region.Contains(start))
                continue;
            if (fact.RequiresFullPath && !IsDefinedOnlyByGetFullPath(symbol))
                continue;
            cleared |= fact.Cleared;
        }

        return cleared;
    }

    private bool IsDefinedOnlyByGetFullPath(ISymbol symbol)
        => _definitions.TryGetValue(symbol, out var definitions)
           && definitions.All(d => d.Kind == DefinitionKind.Value
                                   && StripConversions(d.Value) is IInvocationOperation { TargetMethod.Name: "GetFullPath" } call
                                   && SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType, _knowledge.Path));

    // ---- solving ----------------------------------------------------------------------------------------
    //
    // Every expression is summarised once: the taint it carries by itself (sources, exceptions) and the
    // variables it reads, each with the flags that survive the sanitizers and guards between the read and the
    // expression. Each read becomes an edge from the variable read to the variable defined; the solution then
    // pushes taint along the edges with a worklist. Flags only grow, so a variable changes at most once per
    // flag and each edge is followed at most that often: the cost is linear in the number of reads, however
    // densely the variables of a long method depend on one another.

    private void Solve()
    {
        var edges = new Dictionary<ISymbol, List<(ISymbol Target, TaintFlags Allowed)>>(SymbolEqualityComparer.Default);
        var pending = new Queue<ISymbol>();
        var queued = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var pair in _definitions)
        {
            var taint = pair.Key is IParameterSymbol parameter ? InitialTaint(parameter) : Taint.Clean;
            foreach (var definition in pair.Value)
            {
                var summary = SummarizeDefinition(definition);
                taint = taint.Union(summary.Own);
                foreach (var (dependency, allowed) in summary.Reads)
                {
                    if (!edges.TryGetValue(dependency, out var targets))
                        edges[dependency] = targets = new List<(ISymbol, TaintFlags)>();
                    targets.Add((pair.Key, allowed));
                }
            }

            _state[pair.Key] = taint;
            if (!taint.IsClean && queued.Add(pair.Key))
                pending.Enqueue(pair.Key);
        }

        // Parameters that are read but never assigned start with their own taint (Main's args, bound parameters).
        foreach (var dependency in edges.Keys)
        {
            if (dependency is IParameterSymbol parameter && !_state.ContainsKey(parameter))
            {
                var initial = InitialTaint(parameter);
                _state[parameter] = initial;
                if (!initial.IsClean && queued.Add(parameter))
                    pending.Enqueue(parameter);
            }
        }

        while (pending.Count > 0)
        {
            var symbol = pending.Dequeue();
            queued.Remove(symbol);
            if (!edges.TryGetValue(symbol, out var targets))
                continue;
            var source = _state[symbol];
            foreach (var (target, allowed) in targets)
            {
                Spend();
                var current = _state.TryGetValue(target, out var known) ? known : Taint.Clean;
                var next = current.Union(source.Without(~allowed));
                if (next.Flags == current.Flags)
                    continue;
                _state[target] = next;
                if (queued.Add(target))
                    pending.Enqueue(target);
            }
        }
    }

    private Summary SummarizeDefinition(Definition definition)
    {
        var summary = new Summary();
        switch (definition.Kind)
        {
            case DefinitionKind.Effect:
                SummarizeInvocation((IInvocationOperation)definition.Value, definition.Value, TaintFlags.DeviceInput | TaintFlags.ArchiveEntryPath | TaintFlags.ExceptionDetail, summary, forEffect: true);
                break;
            case DefinitionKind.ArgumentsOf:
                SummarizeArguments(((IInvocationOperation)definition.Value).Arguments, definition.Value, AllFlags, summary);
                break;
            default:
                Summarize(definition.Value, definition.Value, AllFlags, summary);
                break;
        }

        return summary;
    }

    private const TaintFlags AllFlags = TaintFlags.DeviceInput | TaintFlags.ArchiveEntryPath | TaintFlags.ExceptionDetail;

    /// <summary>The taint of an expression at a position, under the current solution.</summary>
    private Taint Evaluate(IOperation? operation, IOperation position)
    {
        var summary = new Summary();
        Summarize(operation, position, AllFlags, summary);
        return Resolve(summary);
    }

    private Taint Resolve(Summary summary)
    {
        var taint = summary.Own;
        foreach (var (symbol, allowed) in summary.Reads)
        {
            Spend();
            var read = _state.TryGetValue(symbol, out var known) ? known : Taint.Clean;
            if (symbol is IParameterSymbol parameter)
                read = read.Union(InitialTaint(parameter));
            taint = taint.Union(read.Without(~allowed));
        }

        return taint;
    }

    private void Summarize(IOperation? operation, IOperation position, TaintFlags allowed, Summary summary)
    {
        if (operation is null || allowed == TaintFlags.None)
            return;
        Spend();
        if (operation.ConstantValue.HasValue)
            return;
        var type = operation.Type;
        if (type is { TypeKind: TypeKind.Class, SpecialType: not SpecialType.System_String })
        {
            switch (_knowledge.CarrierOf(type))
            {
                case TaintCarrier.Exception:
                    summary.Add(new Taint(TaintFlags.ExceptionDetail & allowed, "the exception '" + Shorten(operation.Syntax.ToString()) + "'"));
                    return;
                case TaintCarrier.NetworkStream:
                    summary.Add(new Taint(TaintFlags.DeviceInput & allowed, "a " + type.Name));
                    return;
            }
        }
        else if (IsCleanType(type))
        {
            return;
        }

        switch (operation)
        {
            case ILocalReferenceOperation local:
                Read(local.Local, position, allowed, summary);
                break;
            case IParameterReferenceOperation parameter:
                Read(parameter.Parameter, position, allowed, summary);
                break;
            case IInvocationOperation invocation:
                SummarizeInvocation(invocation, position, allowed, summary, forEffect: false);
                break;
            case IObjectCreationOperation creation:
                SummarizeArguments(creation.Arguments, position, allowed, summary);
                break;
            case IPropertyReferenceOperation property:
                SummarizeProperty(property, position, allowed, summary);
                break;
            case IFieldReferenceOperation field:
                if (_knowledge.IsMarkedUntrusted(field.Field))
                    summary.Add(new Taint(TaintFlags.DeviceInput & allowed, "[UntrustedInput] " + field.Field.Name));
                else if (field.Instance is not null and not IInstanceReferenceOperation)
                    Summarize(field.Instance, position, allowed, summary);
                break;
            case IArrayElementReferenceOperation element:
                Summarize(element.ArrayReference, position, allowed, summary);
                break;
            case IConversionOperation conversion:
                Summarize(conversion.Operand, position, allowed, summary);
                break;
            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    if (part is IInterpolationOperation interpolation)
                        Summarize(interpolation.Expression, position, allowed, summary);
                }

                break;
            case IBinaryOperation binary:
                Summarize(binary.LeftOperand, position, allowed, summary);
                Summarize(binary.RightOperand, position, allowed, summary);
                break;
            case IConditionalOperation conditional:
                Summarize(conditional.WhenTrue, conditional.WhenTrue, allowed, summary);
                if (conditional.WhenFalse is { } whenFalse)
                    Summarize(whenFalse, whenFalse, allowed, summary);
                break;
            case ICoalesceOperation coalesce:
                Summarize(coalesce.Value, position, allowed, summary);
                Summarize(coalesce.WhenNull, position, allowed, summary);
                break;
            case ISwitchExpressionOperation switchExpression:
                foreach (var arm in switchExpression.Arms)
                    Summarize(arm.Value, arm.Value, allowed, summary);
                break;
            case IAwaitOperation awaited:
                Summarize(awaited.Operation, position, allowed, summary);
                break;
            case IArrayCreationOperation { Initializer: { } initializer }:
                Summarize(initializer, position, allowed, summary);
                break;
            case IArrayInitializerOperation initializer:
                foreach (var value in initializer.ElementValues)
                    Summarize(value, position, allowed, summary);
                break;
            case IAssignmentOperation assignment:
                Summarize(assignment.Value, position, allowed, summary);
                break;
            case IConditionalAccessOperation conditionalAccess:
                Summarize(conditionalAccess.WhenNotNull, position, allowed, summary);
                break;
            case IConditionalAccessInstanceOperation:
                for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
                {
                    if (parent is IConditionalAccessOperation access)
                    {
                        Summarize(access.Operation, position, allowed, summary);
                        break;
                    }
                }

                break;
            case ITupleOperation tuple:
                foreach (var item in tuple.Elements)
                    Summarize(item, position, allowed, summary);
                break;
            default:
                // Collection expressions ([a, .. rest]) and the params spans of .NET 9+ overloads
                // (string.Join(",", a, b), string.Concat(a, b, c, d, e)) carry their elements.
                if (operation.Kind == CollectionExpressionKind || operation.Kind == SpreadKind)
                {
                    foreach (var child in operation.ChildOperations)
                        Summarize(child, position, allowed, summary);
                }

                break;
        }
    }

    private void SummarizeProperty(IPropertyReferenceOperation property, IOperation position, TaintFlags allowed, Summary summary)
    {
        var symbol = property.Property;
        if (_knowledge.IsSourceProperty(symbol))
            summary.Add(new Taint(TaintFlags.DeviceInput & allowed, symbol.ContainingType.Name + "." + symbol.Name));
        else if (_knowledge.IsMarkedUntrusted(symbol))
            summary.Add(new Taint(TaintFlags.DeviceInput & allowed, "[UntrustedInput] " + symbol.Name));
        else if (_knowledge.IsArchiveEntryName(symbol))
            summary.Add(new Taint(TaintFlags.ArchiveEntryPath & allowed, symbol.ContainingType.Name + "." + symbol.Name));
        else if (_knowledge.AspNetCore.IsBoundProperty(symbol))
            summary.Add(new Taint(TaintFlags.DeviceInput & allowed, "the request-bound property '" + symbol.Name + "'"));
        else if (property.Instance is not null and not IInstanceReferenceOperation)
            Summarize(property.Instance, position, allowed, summary);
    }

    private void SummarizeInvocation(IInvocationOperation invocation, IOperation position, TaintFlags allowed, Summary summary, bool forEffect)
    {
        var method = invocation.TargetMethod;
        if (method.MethodKind == MethodKind.LocalFunction && !forEffect)
        {
            if (_definitions.ContainsKey(method.OriginalDefinition))
                summary.Reads.Add((method.OriginalDefinition, allowed));
            return;
        }

        var role = _knowledge.RoleOf(method);
        if (role.Kind == MethodRoleKind.Source)
        {
            summary.Add(new Taint(TaintFlags.DeviceInput & allowed, role.Origin));
            return;
        }

        if (_knowledge.IsNetworkStreamRead(method, invocation.Instance))
        {
            summary.Add(new Taint(TaintFlags.DeviceInput & allowed, "NetworkStream." + method.Name + "()"));
            return;
        }

        if (role.Kind is not (MethodRoleKind.Propagator or MethodRoleKind.Sanitizer) && !forEffect)
            return;
        allowed &= ~role.Cleared;
        if (invocation.Instance is { } instance)
            Summarize(instance, position, allowed, summary);
        SummarizeArguments(invocation.Arguments, position, allowed, summary);
    }

    private void SummarizeArguments(ImmutableArray<IArgumentOperation> arguments, IOperation position, TaintFlags allowed, Summary summary)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter?.RefKind != RefKind.Out)
                Summarize(argument.Value, position, allowed, summary);
        }
    }

    private void Read(ISymbol symbol, IOperation position, TaintFlags allowed, Summary summary)
    {
        var type = symbol switch
        {
            ILocalSymbol local => local.Type,
            IParameterSymbol parameter => parameter.Type,
            _ => null,
        };
        if (IsCleanType(type))
            return;
        allowed &= ~ClearedByGuards(symbol, position);
        if (allowed != TaintFlags.None)
            summary.Reads.Add((symbol, allowed));
    }

    private Taint InitialTaint(IParameterSymbol parameter)
    {
        if (IsMainArguments(parameter))
            return new Taint(TaintFlags.DeviceInput, "the command-line arguments of Main");

        if (_knowledge.IsMarkedUntrustedOwnParameter(parameter))
            return new Taint(TaintFlags.DeviceInput, "[UntrustedInput] parameter '" + parameter.Name + "'");
        return IsRequestBound(parameter)
            ? new Taint(TaintFlags.DeviceInput, "the request-bound parameter '" + parameter.Name + "'")
            : Taint.Clean;
    }

    /// <summary>Filled from the HTTP request by ASP.NET Core: an action, page handler or minimal-API handler parameter.</summary>
    [MethodImpl(HotPath.Optimize)]
    private bool IsRequestBound(IParameterSymbol parameter)
        => (_handlerParameters is not null && _handlerParameters.Contains(parameter)) || _knowledge.AspNetCore.IsBoundParameter(parameter);

    [MethodImpl(HotPath.Optimize)]
    private static bool IsMainArguments(IParameterSymbol parameter)
        => parameter is { Ordinal: 0, Type: IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_String } }
           && parameter.ContainingSymbol is IMethodSymbol { IsStatic: true, Name: "Main" or "<Main>$" };

    /// <summary>What an expression carries by itself, and the variables it reads with the flags that reach it.</summary>
    private sealed class Summary
    {
        public Taint Own { get; private set; }

        public List<(ISymbol Symbol, TaintFlags Allowed)> Reads { get; } = new();

        public void Add(Taint taint) => Own = Own.Union(taint);
    }

    // ---- checking ---------------------------------------------------------------------------------------

    private IReadOnlyList<TaintFinding> CheckSites()
    {
        var findings = new List<TaintFinding>();
        foreach (var site in _sites)
        {
            var taint = Evaluate(site.Value, site.Position);
            if (taint.IsClean)
                continue;
            switch (site.Kind)
            {
                case SinkSiteKind.Sink:
                    if (taint.Has(site.Sink!.Flag & TaintFlags.DeviceInput))
                        findings.Add(new TaintFinding(site.Sink.Rule, site.Value.Syntax, taint.Origin!, null, null));
                    if (site.Sink == FilePathSink.Definition && taint.Has(TaintFlags.ArchiveEntryPath))
                        findings.Add(new TaintFinding(ArchiveEntryPathSink.Rule, site.Value.Syntax, taint.Origin!, null, null));
                    break;
                case SinkSiteKind.RegexInput when taint.Has(TaintFlags.RegexInput):
                    if (site.Channel is null)
                    {
                        findings.Add(new TaintFinding(RegexWithoutTimeoutSink.Rule, site.Value.Syntax, taint.Origin!, site.Position.Syntax, RegexWithoutTimeoutSink.FixStatic));
                    }
                    else if (RegexWithoutTimeout(site.Channel) is (true, var creation, var pattern, _) && MayBacktrack(pattern))
                    {
                        var fixKind = creation is null ? null : RegexWithoutTimeoutSink.FixCreation;
                        findings.Add(new TaintFinding(RegexWithoutTimeoutSink.Rule, site.Value.Syntax, taint.Origin!, creation, fixKind));
                    }

                    break;
                case SinkSiteKind.PeerWrite when taint.Has(TaintFlags.ExceptionDetail) && IsPeerChannel(site):
                    findings.Add(new TaintFinding(ExceptionDetailsSink.Rule, site.Value.Syntax, taint.Origin!, null, null));
                    break;
            }
        }

        return findings;
    }

    private bool IsPeerChannel(SinkSite site)
        => site.Channel is null
           || (site.Channel.Type is { } channelType && _knowledge.CarrierOf(channelType) == TaintCarrier.NetworkStream)
           || Evaluate(site.Channel, site.Position).Has(TaintFlags.DeviceInput);

    // ---- helpers ----------------------------------------------------------------------------------------

    private void Define(ISymbol symbol, IOperation value, DefinitionKind kind)
    {
        if (!_definitions.TryGetValue(symbol, out var list))
            _definitions[symbol] = list = new List<Definition>(1);
        list.Add(new Definition(value, kind));
    }

    private void Spend()
    {
        if (++_work > Budget)
            throw new BoundReachedException();
    }

    private static ISymbol? SymbolOf(IOperation? operation) => StripConversions(operation) switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IDeclarationExpressionOperation { Expression: ILocalReferenceOperation declared } => declared.Local,
        _ => null,
    };

    private static IOperation? StripConversions(IOperation? operation)
    {
        while (operation is IConversionOperation conversion)
            operation = conversion.Operand;
        return operation;
    }

    private static bool IsNonNullConstant(IOperation operation) => operation.ConstantValue is { HasValue: true, Value: not null };

    private static bool IsCollectionAdd(IMethodSymbol method)
    {
        if (method.Name is not ("Add" or "AddRange" or "Insert" or "Enqueue" or "Push" or "TryAdd"))
            return false;
        // The definition's interfaces have the same names and are computed once; a constructed type's are
        // substituted again on each request.
        foreach (var implemented in method.ContainingType.OriginalDefinition.AllInterfaces)
        {
            if (implemented.Name is "ICollection" or "IEnumerable")
                return true;
        }

        return false;
    }

    private static bool IsBufferType(ITypeSymbol type)
        => type is IArrayTypeSymbol
           || type is INamedTypeSymbol { Name: "Span" or "Memory" or "ArraySegment", ContainingNamespace.Name: "System" }
           || type is INamedTypeSymbol { Name: "StringBuilder" };

    /// <summary>Numbers, booleans, characters, enums, dates and GUIDs cannot carry an injection.</summary>
    private static bool IsCleanType(ITypeSymbol? type)
    {
        if (type is null)
            return false;
        if (type.TypeKind == TypeKind.Enum)
            return true;
        if (type.TypeKind != TypeKind.Struct)
            return false;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
            if (type.TypeKind == TypeKind.Enum)
                return true;
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_Boolean:
            case SpecialType.System_Char:
            case SpecialType.System_SByte:
            case SpecialType.System_Byte:
            case SpecialType.System_Int16:
            case SpecialType.System_UInt16:
            case SpecialType.System_Int32:
            case SpecialType.System_UInt32:
            case SpecialType.System_Int64:
            case SpecialType.System_UInt64:
            case SpecialType.System_Decimal:
            case SpecialType.System_Single:
            case SpecialType.System_Double:
            case SpecialType.System_DateTime:
            case SpecialType.System_IntPtr:
            case SpecialType.System_UIntPtr:
                return true;
        }

        return type is INamedTypeSymbol { Name: "Guid" or "TimeSpan" or "DateTimeOffset" or "DateOnly" or "TimeOnly" or "Half" or "Int128" or "UInt128", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };
    }

    // Newer than the Roslyn 4.8 API the analyzer compiles against; a compiler that has them reports them.
    private static readonly OperationKind CollectionExpressionKind = KindNamed("CollectionExpression");
    private static readonly OperationKind SpreadKind = KindNamed("Spread");

    private static OperationKind KindNamed(string name)
        => Enum.TryParse<OperationKind>(name, out var kind) && kind.ToString() == name ? kind : (OperationKind)(-1);

    private static string Shorten(string text) => text.Length <= 40 ? text : text.Substring(0, 37) + "...";

    private enum DefinitionKind
    {
        Value,
        Effect,
        ArgumentsOf,
    }

    private readonly struct Definition
    {
        public Definition(IOperation value, DefinitionKind kind)
        {
            Value = value;
            Kind = kind;
        }

        public IOperation Value { get; }

        public DefinitionKind Kind { get; }
    }

    private readonly struct GuardFact
    {
        public GuardFact(ISymbol symbol, TaintFlags cleared, TextSpan region, bool requiresFullPath)
        {
            Symbol = symbol;
            Cleared = cleared;
            Region = region;
            RequiresFullPath = requiresFullPath;
        }

        public ISymbol Symbol { get; }

        public TaintFlags Cleared { get; }

        public TextSpan Region { get; }

        /// <summary>A <c>StartsWith</c> check only counts on a variable holding <c>Path.GetFullPath(...)</c>.</summary>
        public bool RequiresFullPath { get; }
    }
}

internal enum SinkSiteKind
{
    Sink,
    RegexInput,
    PeerWrite,
}

internal sealed class SinkSite
{
    private SinkSite(SinkSiteKind kind, TaintSinkDefinition? sink, IOperation value, IOperation position, IOperation? channel)
    {
        Kind = kind;
        Sink = sink;
        Value = value;
        Position = position;
        Channel = channel;
    }

    public SinkSiteKind Kind { get; }

    public TaintSinkDefinition? Sink { get; }

    public IOperation Value { get; }

    public IOperation Position { get; }

    /// <summary>The writer or stream of a peer write, or the regex instance of an instance match; null otherwise.</summary>
    public IOperation? Channel { get; }

    public static SinkSite ForSink(TaintSinkDefinition sink, IOperation value, IOperation position) => new(SinkSiteKind.Sink, sink, value, position, null);

    public static SinkSite ForRegex(IOperation input, IOperation position, IOperation? receiver) => new(SinkSiteKind.RegexInput, null, input, position, receiver);

    public static SinkSite ForPeerWrite(IOperation value, IOperation position, IOperation? channel) => new(SinkSiteKind.PeerWrite, null, value, position, channel);
}

internal sealed class TaintFinding
{
    public TaintFinding(DiagnosticDescriptor rule, SyntaxNode node, string origin, SyntaxNode? fixNode, string? fixKind)
    {
        Rule = rule;
        Node = node;
        Origin = origin;
        FixNode = fixNode;
        FixKind = fixKind;
    }

    public DiagnosticDescriptor Rule { get; }

    public SyntaxNode Node { get; }

    public string Origin { get; }

    public SyntaxNode? FixNode { get; }

    public string? FixKind { get; }
}

internal sealed class BoundReachedException : Exception
{
}
