using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Spdf.Build.Analyzers.Infrastructure;

namespace Spdf.Build.Analyzers.Serialization;

/// <summary>
/// SPDF3010: formatters that deserialize arbitrary types (<c>BinaryFormatter</c>, <c>SoapFormatter</c>,
/// <c>NetDataContractSerializer</c>, <c>LosFormatter</c>, <c>ObjectStateFormatter</c>), <c>JavaScriptSerializer</c>
/// with a type resolver, and Json.NET <c>TypeNameHandling</c> other than <c>None</c> on settings, serializers and
/// attributes (attribute arguments are assignments in the operation tree). (A serializer built for a type chosen by device input is reported by <c>UntrustedInputAnalyzer</c>.)
/// </summary>
public sealed class InsecureDeserializationAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property set when the code fix can replace the reported value with <c>TypeNameHandling.None</c>.</summary>
    internal const string TypeNameHandlingProperty = "TypeNameHandling";

    internal static readonly DiagnosticDescriptor Rule = SpdfDescriptors.Create(
        DiagnosticIds.InsecureDeserialization,
        title: "Do not deserialize with type information from the data",
        messageFormat: "{0} lets the data choose the types to instantiate; use a serializer bound to a fixed contract",
        RuleCategory.InputHandling,
        FalsePositivePolicy.Precise,
        cwe: 502,
        description: "Deserializers that read type names from the payload run gadget chains from a crafted message (remote " +
                     "code execution). Use System.Text.Json or DataContractSerializer with known types, and Json.NET only " +
                     "with TypeNameHandling.None.");

    private static readonly string[] UnsafeFormatterTypes =
    {
        "System.Runtime.Serialization.Formatters.Binary.BinaryFormatter",
        "System.Runtime.Serialization.Formatters.Soap.SoapFormatter",
        "System.Runtime.Serialization.NetDataContractSerializer",
        "System.Web.UI.LosFormatter",
        "System.Web.UI.ObjectStateFormatter",
    };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var types = new DeferredCompilationValue<SerializerTypes>(context.Compilation, SerializerTypes.Create);
        context.RegisterOperationAction([MethodImpl(HotPath.Optimize)] (c) =>
        {
            var creation = (IObjectCreationOperation)c.Operation;
            if (types.Value is not { } serializers)
                return;
            string? form = null;
            if (creation.Type?.OriginalDefinition is INamedTypeSymbol created && serializers.UnsafeFormatters.Contains(created, SymbolEqualityComparer.Default))
                form = created.Name;
            else if (serializers.JavaScriptSerializer is not null && SymbolEqualityComparer.Default.Equals(creation.Type, serializers.JavaScriptSerializer)
                     && creation.Arguments.Length > 0 && creation.Arguments[0].Value.ConstantValue is not { HasValue: true, Value: null })
                form = "JavaScriptSerializer with a type resolver";
            if (form is not null && !IsAllowed(c))
                c.ReportDiagnostic(Diagnostic.Create(Rule, creation.Syntax.GetLocation(), form));
        }, OperationKind.ObjectCreation);

        context.RegisterOperationAction([MethodImpl(HotPath.Optimize)] (c) =>
        {
            var assignment = (ISimpleAssignmentOperation)c.Operation;
            if (assignment.Target is IPropertyReferenceOperation { Property.Name: "TypeNameHandling" or "ItemTypeNameHandling" } property
                && types.Value?.TypeNameHandling is { } typeNameHandling
                && SymbolEqualityComparer.Default.Equals(property.Type, typeNameHandling)
                && assignment.Value.ConstantValue is not { HasValue: true, Value: 0 }
                && !IsAllowed(c))
            {
                ReportTypeNameHandling(c.ReportDiagnostic, assignment.Value.Syntax.GetLocation(), property.Property.Name);
            }
        }, OperationKind.SimpleAssignment);
    }

    private static bool IsAllowed(OperationAnalysisContext context)
        => AllowListOption.Read(context.Options, context.Operation.Syntax.SyntaxTree, DiagnosticIds.InsecureDeserialization).Allows(context.ContainingSymbol);

    private static void ReportTypeNameHandling(System.Action<Diagnostic> report, Location location, string member)
        => report(Diagnostic.Create(
            Rule,
            location,
            ImmutableDictionary<string, string?>.Empty.Add(TypeNameHandlingProperty, "true"),
            "Json.NET " + member + " other than None"));

    private sealed class SerializerTypes
    {
        private SerializerTypes(ImmutableArray<INamedTypeSymbol> unsafeFormatters, INamedTypeSymbol? javaScriptSerializer, INamedTypeSymbol? typeNameHandling)
        {
            UnsafeFormatters = unsafeFormatters;
            JavaScriptSerializer = javaScriptSerializer;
            TypeNameHandling = typeNameHandling;
        }

        public ImmutableArray<INamedTypeSymbol> UnsafeFormatters { get; }

        public INamedTypeSymbol? JavaScriptSerializer { get; }

        public INamedTypeSymbol? TypeNameHandling { get; }

        public static SerializerTypes? Create(Compilation compilation)
        {
            var formatters = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
            foreach (var name in UnsafeFormatterTypes)
            {
                if (compilation.FindType(name) is { } type)
                    formatters.Add(type);
            }

            var javaScriptSerializer = compilation.FindType("System.Web.Script.Serialization.JavaScriptSerializer");
            var typeNameHandling = compilation.FindType("Newtonsoft.Json.TypeNameHandling");
            return formatters.Count == 0 && javaScriptSerializer is null && typeNameHandling is null
                ? null
                : new SerializerTypes(formatters.ToImmutable(), javaScriptSerializer, typeNameHandling);
        }
    }
}
