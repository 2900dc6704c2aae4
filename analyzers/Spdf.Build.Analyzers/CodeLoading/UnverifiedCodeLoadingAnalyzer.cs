using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Spdf.Build.Analyzers.Infrastructure;

namespace Spdf.Build.Analyzers.CodeLoading;

/// <summary>
/// SPDF3018: <c>Assembly.LoadFrom/LoadFile/UnsafeLoadFrom/Load(byte[])</c> and <c>AssemblyLoadContext</c> loads
/// from a path or stream, unless the path is built only from the application's own directory and constants, or
/// a signature or hash check precedes the load in the same method (a call named <c>Verify*</c>,
/// <c>Validate*</c>, <c>CheckSignature</c>, <c>FixedTimeEquals</c> or <c>SequenceEqual</c> in an enclosing
/// block before the load, or in the condition of an enclosing <c>if</c> the load is inside).
/// </summary>
public sealed class UnverifiedCodeLoadingAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = SpdfDescriptors.Create(
        DiagnosticIds.UnverifiedCodeLoading,
        title: "Verify code before loading it",
        messageFormat: "{0} loads code that this method has not verified; check its signature or hash first",
        RuleCategory.InputHandling,
        FalsePositivePolicy.Heuristic,
        cwe: 494,
        description: "A plug-in, driver or update assembly loaded from storage or the network runs with the device's " +
                     "privileges. Verify the manufacturer's signature (or a pinned SHA-256) over the exact bytes before " +
                     "loading them, and load those bytes rather than re-reading the file.");


    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            var assembly = new DeferredCompilationValue<INamedTypeSymbol>(start.Compilation, compilation => compilation.FindType("System.Reflection.Assembly"));
            var loadContext = new DeferredCompilationValue<INamedTypeSymbol>(start.Compilation, compilation => compilation.FindType("System.Runtime.Loader.AssemblyLoadContext"));
            start.RegisterOperationAction([MethodImpl(HotPath.Optimize)] (c) =>
            {
                var name = ((IInvocationOperation)c.Operation).TargetMethod.Name;
                if (IsAssemblyLoad(name) || IsContextLoad(name))
                    Analyze(c, assembly.Value, loadContext.Value);
            }, OperationKind.Invocation);
        });
    }

    // Patterns on the name rather than Contains on string arrays: for every call, that generic interface call cost more
    // than the rest of the rule's test.
    private static bool IsAssemblyLoad(string name) => name is "LoadFrom" or "LoadFile" or "UnsafeLoadFrom" or "Load";

    private static bool IsContextLoad(string name) => name is "LoadFromAssemblyPath" or "LoadFromStream" or "LoadFromNativeImagePath";

    private static void Analyze(OperationAnalysisContext context, INamedTypeSymbol? assembly, INamedTypeSymbol? loadContext)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        var isAssemblyLoad = SymbolEqualityComparer.Default.Equals(method.ContainingType, assembly) && IsAssemblyLoad(method.Name);
        var isContextLoad = DerivesFrom(method.ContainingType, loadContext) && IsContextLoad(method.Name);
        if (!isAssemblyLoad && !isContextLoad || invocation.Arguments.Length == 0)
            return;

        var source = invocation.Arguments[0].Value;
        if (method.Name == "Load" && source.Type is not IArrayTypeSymbol)
            return; // Assembly.Load(name) resolves through the probing paths; SPDF3007 covers names from input.
        if (source.Type?.SpecialType == SpecialType.System_String && IsApplicationPath(source))
            return;
        if (IsVerifiedBefore(invocation))
            return;
        if (AllowListOption.Read(context.Options, invocation.Syntax.SyntaxTree, DiagnosticIds.UnverifiedCodeLoading).Allows(context.ContainingSymbol))
            return;

        context.ReportDiagnostic(Diagnostic.Create(Rule, invocation.Syntax.GetLocation(), method.ContainingType.Name + "." + method.Name));
    }

    private static bool DerivesFrom(INamedTypeSymbol? type, INamedTypeSymbol? target)
    {
        for (var current = type; current is not null && target is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, target))
                return true;
        }

        return false;
    }

    /// <summary>Constants, <c>AppContext.BaseDirectory</c>, the entry assembly's location, and Path/string combinations of them.</summary>
    private static bool IsApplicationPath(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
            operation = conversion.Operand;
        if (operation.ConstantValue.HasValue)
            return operation.ConstantValue.Value is string text && !System.IO.Path.IsPathRooted(text);
        switch (operation)
        {
            case IPropertyReferenceOperation { Property.Name: "BaseDirectory" } property:
                return property.Property.ContainingType.Name is "AppContext" or "AppDomain";
            case IPropertyReferenceOperation { Property.Name: "Location", Property.ContainingType.Name: "Assembly" }:
                return true;
            case IInvocationOperation { TargetMethod: { Name: "Combine" or "Join" or "GetDirectoryName", ContainingType.Name: "Path" } } pathCall:
                return pathCall.Arguments.All(a => IsApplicationPath(a.Value));
            case IBinaryOperation binary:
                return IsApplicationPath(binary.LeftOperand) && IsApplicationPath(binary.RightOperand);
            case IInterpolatedStringOperation interpolated:
                return interpolated.Parts.All(p => p is not IInterpolationOperation i || IsApplicationPath(i.Expression));
            case ILocalReferenceOperation local when local.SemanticModel is { } model
                                                     && local.Local.DeclaringSyntaxReferences.Length == 1
                                                     && local.Local.DeclaringSyntaxReferences[0].GetSyntax() is var declarator
                                                     && declarator.SyntaxTree == model.SyntaxTree
                                                     && model.GetOperation(declarator) is IVariableDeclaratorOperation { Initializer.Value: var value }:
                return IsAssignedOnce(local) && IsApplicationPath(value);
            default:
                return false;
        }
    }

    private static bool IsAssignedOnce(ILocalReferenceOperation local)
    {
        IOperation root = local;
        while (root.Parent is not null)
            root = root.Parent;
        return !root.Descendants().Any(o => o is IAssignmentOperation { Target: ILocalReferenceOperation target }
                                            && SymbolEqualityComparer.Default.Equals(target.Local, local.Local));
    }

    private static bool IsVerifiedBefore(IOperation load)
    {
        var child = load;
        for (var parent = load.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case IBlockOperation block:
                    foreach (var statement in block.Operations)
                    {
                        if (statement == child)
                            break;
                        if (ContainsVerification(statement))
                            return true;
                    }

                    break;
                case IConditionalOperation conditional when conditional.WhenTrue == child || conditional.WhenFalse == child:
                    if (ContainsVerification(conditional.Condition))
                        return true;
                    break;
            }
        }

        return false;
    }

    private static bool ContainsVerification(IOperation operation)
        => operation.DescendantsAndSelf().Any(o => o is IInvocationOperation call && IsVerification(call.TargetMethod.Name));

    private static bool IsVerification(string name)
        => name.StartsWith("Verify", System.StringComparison.Ordinal)
           || name.StartsWith("Validate", System.StringComparison.Ordinal)
           || name.StartsWith("TryVerify", System.StringComparison.Ordinal)
           || name is "CheckSignature" or "FixedTimeEquals" or "SequenceEqual";
}
