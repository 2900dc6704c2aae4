using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Spdf.Build.Analyzers.Infrastructure;

namespace Spdf.Build.Analyzers.Platform;

/// <summary>
/// SPDF2005: a <c>[DllImport]</c> or <c>[LibraryImport]</c> method without <c>[DefaultDllImportSearchPaths]</c> on the method or
/// the assembly, and <c>NativeLibrary.Load</c>/<c>TryLoad</c> of a constant relative path. Imports of an absolute path are
/// not reported.
/// </summary>
public sealed class UnsafeNativeLibrarySearchPathAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = SpdfDescriptors.Create(
        DiagnosticIds.UnsafeNativeLibrarySearchPath,
        title: "Load native libraries from a safe search path",
        messageFormat: "{0} loads '{1}' through the default DLL search order, which includes the working directory; add [DefaultDllImportSearchPaths(DllImportSearchPath.System32)] or load an absolute path",
        RuleCategory.Authentication,
        FalsePositivePolicy.Precise,
        cwe: 427,
        description: "The default search order lets a DLL planted in the current or application directory run with the device application's " +
                     "privileges (DLL hijacking). Restrict the search with DefaultDllImportSearchPaths (System32, or SafeDirectories) at " +
                     "method or assembly level.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            var types = new DeferredCompilationValue<ImportTypes>(start.Compilation, ImportTypes.Create);

            start.RegisterSymbolAction([MethodImpl(HotPath.Optimize)] (c) =>
            {
                var method = (IMethodSymbol)c.Symbol;
                // Imports are extern ([DllImport]) or static partial ([LibraryImport]); skip every other method cheaply.
                if (method.IsExtern || (method.IsStatic && method.IsPartialDefinition))
                    AnalyzeImport(c, method, types);
            }, SymbolKind.Method);

            start.RegisterOperationAction([MethodImpl(HotPath.Optimize)] (c) =>
            {
                var invocation = (IInvocationOperation)c.Operation;
                if (invocation.TargetMethod.Name is not ("Load" or "TryLoad")
                    || types.Value?.NativeLibrary is not { } nativeLibrary
                    || !SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, nativeLibrary)
                    || invocation.Arguments.Length == 0
                    || invocation.Arguments[0].Parameter?.Name != "libraryPath"
                    || invocation.Arguments[0].Value.ConstantValue is not { HasValue: true, Value: string path }
                    || IsAbsolutePath(path))
                {
                    return;
                }

                c.ReportDiagnostic(Diagnostic.Create(Rule, invocation.Arguments[0].Value.Syntax.GetLocation(), "NativeLibrary." + invocation.TargetMethod.Name, path));
            }, OperationKind.Invocation);
        });
    }

    [MethodImpl(HotPath.Cold)]
    private static void AnalyzeImport(SymbolAnalysisContext context, IMethodSymbol method, DeferredCompilationValue<ImportTypes> types)
    {
        if (method.PartialDefinitionPart is not null)
            return; // the implementation part of a partial [LibraryImport]: reported on the declaration
        if (types.Value is not { AssemblyIsRestricted: false } imports)
            return;
        var library = method.GetDllImportData()?.ModuleName
                      ?? method.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, imports.LibraryImport))
                          ?.ConstructorArguments.FirstOrDefault().Value as string;
        if (library is null || IsAbsolutePath(library))
            return;
        if (method.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, imports.SearchPaths)))
            return;
        if (method.Locations.FirstOrDefault(l => l.IsInSource) is { } location)
            context.ReportDiagnostic(Diagnostic.Create(Rule, location, method.Name, library));
    }

    private static bool IsAbsolutePath(string path)
        => path.StartsWith("/", System.StringComparison.Ordinal)
           || path.StartsWith("\\\\", System.StringComparison.Ordinal)
           || (path.Length >= 3 && char.IsLetter(path[0]) && path[1] == ':' && (path[2] == '\\' || path[2] == '/'));

    private sealed class ImportTypes
    {
        private ImportTypes(INamedTypeSymbol searchPaths, INamedTypeSymbol? libraryImport, INamedTypeSymbol? nativeLibrary, bool assemblyIsRestricted)
        {
            SearchPaths = searchPaths;
            LibraryImport = libraryImport;
            NativeLibrary = nativeLibrary;
            AssemblyIsRestricted = assemblyIsRestricted;
        }

        public INamedTypeSymbol SearchPaths { get; }

        public INamedTypeSymbol? LibraryImport { get; }

        public INamedTypeSymbol? NativeLibrary { get; }

        /// <summary>[assembly: DefaultDllImportSearchPaths(...)] covers every import.</summary>
        public bool AssemblyIsRestricted { get; }

        public static ImportTypes? Create(Compilation compilation)
        {
            var searchPaths = compilation.FindType("System.Runtime.InteropServices.DefaultDllImportSearchPathsAttribute");
            if (searchPaths is null)
                return null;
            return new ImportTypes(
                searchPaths,
                compilation.FindType("System.Runtime.InteropServices.LibraryImportAttribute"),
                compilation.FindType("System.Runtime.InteropServices.NativeLibrary"),
                compilation.Assembly.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, searchPaths)));
        }
    }
}
