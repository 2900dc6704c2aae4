using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Spdf.Build.Analyzers.Infrastructure;

namespace Spdf.Build.Analyzers.Platform;

/// <summary>
/// SPDF2006: <c>Path.GetTempFileName()</c> (a predictable name in a shared directory), and files or directories created or
/// changed to be writable by every user: a constant <c>UnixFileMode</c> with <c>OtherWrite</c> passed to
/// <c>File.SetUnixFileMode</c>, <c>Directory.CreateDirectory</c>, <c>FileSystemInfo.UnixFileMode</c> or
/// <c>FileStreamOptions.UnixCreateMode</c>.
/// </summary>
public sealed class InsecureTemporaryFileAnalyzer : DiagnosticAnalyzer
{
    private const int OtherWrite = 0x2;

    internal static readonly DiagnosticDescriptor Rule = SpdfDescriptors.Create(
        DiagnosticIds.InsecureTemporaryFile,
        title: "Do not create insecure temporary or world-writable files",
        messageFormat: "{0}",
        RuleCategory.Authentication,
        FalsePositivePolicy.Precise,
        cwe: 377,
        description: "Path.GetTempFileName creates a predictable file in a directory every user shares, open to symlink and " +
                     "pre-creation attacks; world-writable files let any local process alter configuration, logs or updates. " +
                     "Create temporary files in an application-private directory with a random name (Path.GetRandomFileName) and " +
                     "FileMode.CreateNew, and never grant write access to others.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            var path = new DeferredCompilationValue<INamedTypeSymbol>(start.Compilation, compilation => compilation.FindType("System.IO.Path"));
            var unixFileMode = new DeferredCompilationValue<INamedTypeSymbol>(start.Compilation, compilation => compilation.FindType("System.IO.UnixFileMode"));

            start.RegisterOperationAction([MethodImpl(HotPath.Optimize)] (c) =>
            {
                var arguments = c.Operation.CallArguments(out var method);
                if (method is not null && method.IsInNamespace("System.IO"))
                    AnalyzeFileSystemCall(c, method, arguments, path, unixFileMode);
            }, OperationKind.Invocation, OperationKind.ObjectCreation);

            start.RegisterOperationAction([MethodImpl(HotPath.Optimize)] (c) =>
            {
                var assignment = (ISimpleAssignmentOperation)c.Operation;
                if (assignment.Target is IPropertyReferenceOperation { Property: { Name: "UnixFileMode" or "UnixCreateMode" } property }
                    && property.IsInNamespace("System.IO"))
                {
                    CheckMode(c, assignment.Value);
                }
            }, OperationKind.SimpleAssignment);
        });
    }

    [MethodImpl(HotPath.Cold)]
    private static void AnalyzeFileSystemCall(
        OperationAnalysisContext context,
        IMethodSymbol method,
        ImmutableArray<IArgumentOperation> arguments,
        DeferredCompilationValue<INamedTypeSymbol> path,
        DeferredCompilationValue<INamedTypeSymbol> unixFileMode)
    {
        if (method.Name == "GetTempFileName" && SymbolEqualityComparer.Default.Equals(method.ContainingType, path.Value))
        {
            context.ReportDiagnostic(Diagnostic.Create(Rule, context.Operation.Syntax.GetLocation(),
                "Path.GetTempFileName creates a predictable file in the shared temporary directory; use a private directory and Path.GetRandomFileName with FileMode.CreateNew"));
            return;
        }

        if (unixFileMode.Value is not { } fileMode)
            return;
        foreach (var argument in arguments)
        {
            if (argument.Parameter is { } parameter && SymbolEqualityComparer.Default.Equals(parameter.Type, fileMode))
                CheckMode(context, argument.Value);
        }
    }

    private static void CheckMode(OperationAnalysisContext context, IOperation value)
    {
        var constant = value.WalkDownConversions().ConstantValue;
        if (constant is { HasValue: true, Value: int mode } && (mode & OtherWrite) != 0)
        {
            context.ReportDiagnostic(Diagnostic.Create(Rule, value.Syntax.GetLocation(),
                "This file mode lets every user on the device write the file (UnixFileMode.OtherWrite); grant write access to the owner only"));
        }
    }
}
