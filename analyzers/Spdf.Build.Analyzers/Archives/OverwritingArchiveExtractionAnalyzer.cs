using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Spdf.Build.Analyzers.Infrastructure;

namespace Spdf.Build.Analyzers.Archives;

/// <summary>
/// SPDF3020: a whole archive is extracted with <c>overwriteFiles: true</c> (<c>ZipFile.ExtractToDirectory</c>,
/// <c>ZipArchive.ExtractToDirectory</c>, <c>TarFile.ExtractToDirectory[Async]</c>). The call has no size or entry
/// budget, and an archive that names files already in the destination replaces them: a crafted package fills the
/// device's storage or swaps installed files in one call. Extraction without overwrite is not reported.
/// </summary>
public sealed class OverwritingArchiveExtractionAnalyzer : DiagnosticAnalyzer
{
    private static readonly string[] ExtractingTypeNames =
    {
        "System.IO.Compression.ZipFile",
        "System.IO.Compression.ZipFileExtensions",
        "System.Formats.Tar.TarFile",
    };

    internal static readonly DiagnosticDescriptor Rule = SpdfDescriptors.Create(
        DiagnosticIds.OverwritingArchiveExtraction,
        title: "Do not extract a whole archive over existing files",
        messageFormat: "{0}.{1} extracts every entry and overwrites existing files, without a size or entry budget",
        RuleCategory.InputHandling,
        FalsePositivePolicy.Heuristic,
        cwe: 409,
        description: "An update package or support bundle extracted in one call with overwriteFiles: true can expand " +
                     "beyond the device's storage (decompression bomb) and replaces any file the archive names in the " +
                     "destination. Extract into a new, empty folder without overwriting, or entry by entry with a " +
                     "budget for entry count and expanded size, and move the verified result into place.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            var types = new DeferredCompilationValue<INamedTypeSymbol[]>(start.Compilation, ResolveExtractingTypes);
            start.RegisterOperationAction([MethodImpl(HotPath.Optimize)] (c) => Analyze(c, types), OperationKind.Invocation);
        });
    }

    private static INamedTypeSymbol[]? ResolveExtractingTypes(Compilation compilation)
    {
        var types = ExtractingTypeNames.Select(compilation.FindType).OfType<INamedTypeSymbol>().ToArray();
        return types.Length == 0 ? null : types;
    }

    [MethodImpl(HotPath.Optimize)]
    private static void Analyze(OperationAnalysisContext context, DeferredCompilationValue<INamedTypeSymbol[]> extractingTypes)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (method.Name is "ExtractToDirectory" or "ExtractToDirectoryAsync" && extractingTypes.Value is { } types)
            AnalyzeExtraction(context, invocation, method, types);
    }

    [MethodImpl(HotPath.Cold)]
    private static void AnalyzeExtraction(OperationAnalysisContext context, IInvocationOperation invocation, IMethodSymbol method, INamedTypeSymbol[] types)
    {
        if (!types.Contains(method.ContainingType, SymbolEqualityComparer.Default) || !OverwritesFiles(invocation))
            return;
        if (AllowListOption.Read(context.Options, invocation.Syntax.SyntaxTree, DiagnosticIds.OverwritingArchiveExtraction).Allows(context.ContainingSymbol))
            return;
        context.ReportDiagnostic(Diagnostic.Create(Rule, invocation.Syntax.GetLocation(), method.ContainingType.Name, method.Name));
    }

    /// <summary>The <c>overwriteFiles</c> argument is <c>true</c> or computed (a run-time choice to overwrite is still one).</summary>
    private static bool OverwritesFiles(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name != "overwriteFiles" || argument.ArgumentKind == ArgumentKind.DefaultValue)
                continue;
            return argument.Value.ConstantValue is not { HasValue: true, Value: false };
        }

        return false;
    }
}
