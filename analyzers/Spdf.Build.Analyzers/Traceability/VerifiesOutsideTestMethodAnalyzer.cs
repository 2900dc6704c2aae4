using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Spdf.Build.Analyzers.Infrastructure;

namespace Spdf.Build.Analyzers.Traceability;

/// <summary>
/// SPDF4004: [Verifies] counts only on a test method (xUnit [Fact]/[Theory], MSTest [TestMethod]/[DataTestMethod],
/// NUnit [Test]/[TestCase]/[TestCaseSource], or attributes derived from them); anywhere else no test run ever
/// produces an outcome for it.
/// </summary>
public sealed class VerifiesOutsideTestMethodAnalyzer : DiagnosticAnalyzer
{
    private static readonly ImmutableHashSet<string> TestAttributeNames = ImmutableHashSet.Create(
        "Xunit.FactAttribute",
        "Xunit.TheoryAttribute",
        "Microsoft.VisualStudio.TestTools.UnitTesting.TestMethodAttribute",
        "Microsoft.VisualStudio.TestTools.UnitTesting.DataTestMethodAttribute",
        "NUnit.Framework.TestAttribute",
        "NUnit.Framework.TestCaseAttribute",
        "NUnit.Framework.TestCaseSourceAttribute",
        "NUnit.Framework.TheoryAttribute");

    internal static readonly DiagnosticDescriptor Rule = SpdfDescriptors.Create(
        DiagnosticIds.VerifiesOutsideTestMethod,
        title: "[Verifies] belongs on a test method",
        messageFormat: "[Verifies] on '{0}' has no effect: it is not a test method",
        RuleCategory.Traceability,
        FalsePositivePolicy.Precise,
        cwe: 1059,
        description: "Verification evidence comes from test outcomes. [Verifies] on a method that is not an xUnit, MSTest or NUnit test never gets an outcome, so the control looks verified in the code but is not.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            if (!TraceabilityAttributeTypes.AreNamedInSource(start.Compilation))
                return;
            var attributes = new DeferredCompilationValue<TraceabilityAttributeTypes>(start.Compilation, TraceabilityAttributeTypes.Create);
            start.RegisterSymbolAction([MethodImpl(HotPath.Optimize)] (c) =>
            {
                if (attributes.Value is { } types)
                    Analyze(c, types);
            }, TraceabilityAttributeTypes.AttributableSymbolKinds);
        });
    }

    private static void Analyze(SymbolAnalysisContext context, TraceabilityAttributeTypes attributes)
    {
        // Links first: almost no symbol has one, and the test-attribute check formats attribute type names.
        bool? isTest = null;
        foreach (var link in attributes.LinksOf(context.Symbol, context.CancellationToken))
        {
            if (link.Kind != TraceabilityLinkKind.Verifies)
                continue;
            isTest ??= context.Symbol is IMethodSymbol method && IsTestMethod(method);
            if (isTest == false)
                context.ReportDiagnostic(Diagnostic.Create(Rule, link.Location, context.Symbol.Name));
        }
    }

    private static bool IsTestMethod(IMethodSymbol method)
    {
        foreach (var attribute in method.GetAttributes())
        {
            for (var type = attribute.AttributeClass; type is not null; type = type.BaseType)
            {
                if (TestAttributeNames.Contains(type.ToDisplayString()))
                    return true;
            }
        }

        return false;
    }
}
