using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Spdf.Build.Analyzers.Infrastructure;

namespace Spdf.Build.Analyzers.Archives;

/// <summary>
/// SPDF3013: a <c>GZipStream</c>, <c>DeflateStream</c>, <c>ZLibStream</c> or <c>BrotliStream</c> that decompresses
/// is copied with <c>CopyTo</c>/<c>CopyToAsync</c>, or read with <c>ReadToEnd</c> through a reader, which has no
/// size limit: a few kilobytes of compressed input can expand to gigabytes and exhaust the device's memory or
/// storage. Reading in a loop with a byte budget is not reported.
/// </summary>
public sealed class UnboundedDecompressionAnalyzer : DiagnosticAnalyzer
{
    private static readonly string[] DecompressionTypeNames =
    {
        "System.IO.Compression.GZipStream",
        "System.IO.Compression.DeflateStream",
        "System.IO.Compression.ZLibStream",
        "System.IO.Compression.BrotliStream",
    };

    internal static readonly DiagnosticDescriptor Rule = SpdfDescriptors.Create(
        DiagnosticIds.UnboundedDecompression,
        title: "Limit the size of decompressed data",
        messageFormat: "The {0} is decompressed with {1}, which has no size limit",
        RuleCategory.InputHandling,
        FalsePositivePolicy.Heuristic,
        cwe: 409,
        description: "Compressed input from a peer or an update package can expand by a factor of a thousand or more " +
                     "(decompression bomb). Read the decompression stream in a loop and stop at a byte budget, or copy " +
                     "through a stream that enforces one.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            var types = new DeferredCompilationValue<DecompressionTypes>(start.Compilation, compilation =>
            {
                var streams = DecompressionTypeNames
                    .Select(compilation.FindType)
                    .Where(t => t is not null)
                    .Cast<INamedTypeSymbol>()
                    .ToImmutableArray();
                return streams.IsEmpty ? null : new DecompressionTypes(streams, compilation.FindType("System.IO.TextReader"));
            });
            start.RegisterOperationAction([MethodImpl(HotPath.Optimize)] (c) =>
            {
                if (types.Value is { } decompression)
                    Analyze(c, decompression.Streams, decompression.TextReader);
            }, OperationKind.Invocation);
        });
    }

    [MethodImpl(HotPath.Optimize)]
    private static void Analyze(OperationAnalysisContext context, ImmutableArray<INamedTypeSymbol> types, INamedTypeSymbol? textReader)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        IOperation? stream = method.Name switch
        {
            "CopyTo" or "CopyToAsync" => invocation.Instance,
            "ReadToEnd" or "ReadToEndAsync" when IsTextReader(invocation.Instance?.Type, textReader) => ReaderSource(invocation.Instance),
            _ => null,
        };

        if (stream is null || DecompressingCreation(stream, types) is not { } creation)
            return;
        if (AllowListOption.Read(context.Options, invocation.Syntax.SyntaxTree, DiagnosticIds.UnboundedDecompression).Allows(context.ContainingSymbol))
            return;
        context.ReportDiagnostic(Diagnostic.Create(Rule, invocation.Syntax.GetLocation(), creation.Type!.Name, method.Name));
    }

    private static bool IsTextReader(ITypeSymbol? type, INamedTypeSymbol? textReader)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, textReader))
                return true;
        }

        return false;
    }

    /// <summary>The stream a <c>new StreamReader(stream)</c> reads, directly or through a local.</summary>
    private static IOperation? ReaderSource(IOperation? reader)
        => Resolve(reader) is IObjectCreationOperation { Arguments.Length: > 0 } creation ? creation.Arguments[0].Value : null;

    /// <summary>The <c>new GZipStream(input, CompressionMode.Decompress)</c> a stream expression comes from, if any.</summary>
    private static IObjectCreationOperation? DecompressingCreation(IOperation stream, ImmutableArray<INamedTypeSymbol> types)
    {
        if (Resolve(stream) is not IObjectCreationOperation { Type: INamedTypeSymbol created } creation || !types.Contains(created, SymbolEqualityComparer.Default))
            return null;
        var mode = creation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "mode");
        // CompressionMode.Decompress is 0; the CompressionLevel overloads compress.
        return mode?.Value.ConstantValue is { HasValue: true, Value: 0 } ? creation : null;
    }

    /// <summary>Follows conversions and a local initialised once (<c>using var gzip = new GZipStream(...)</c>).</summary>
    private static IOperation? Resolve(IOperation? operation)
    {
        while (operation is IConversionOperation conversion)
            operation = conversion.Operand;
        if (operation is not ILocalReferenceOperation local)
            return operation;
        if (local.Local.DeclaringSyntaxReferences.Length != 1)
            return operation;
        var semanticModel = operation.SemanticModel;
        var declarator = local.Local.DeclaringSyntaxReferences[0].GetSyntax();
        if (semanticModel is null || declarator.SyntaxTree != semanticModel.SyntaxTree)
            return operation;
        if (semanticModel.GetOperation(declarator) is IVariableDeclaratorOperation { Initializer.Value: var value })
        {
            while (value is IConversionOperation conversion)
                value = conversion.Operand;
            return value;
        }

        return operation;
    }

    private sealed class DecompressionTypes
    {
        public DecompressionTypes(ImmutableArray<INamedTypeSymbol> streams, INamedTypeSymbol? textReader)
        {
            Streams = streams;
            TextReader = textReader;
        }

        public ImmutableArray<INamedTypeSymbol> Streams { get; }

        public INamedTypeSymbol? TextReader { get; }
    }
}
