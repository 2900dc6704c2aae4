using System;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Spdf.Build.Analyzers.Infrastructure;

namespace Spdf.Build.Analyzers.Xml;

/// <summary>
/// SPDF3011: XML parsing that can resolve external entities or documents. On every target framework: a
/// resolver other than <c>null</c> / <c>XmlResolver.ThrowingResolver</c> assigned to an XML reader, settings or
/// document, and an XSLT loaded with the <c>document()</c> function or scripts enabled and a resolver. On .NET
/// Framework before 4.5.2, whose defaults resolve external entities, also <c>DtdProcessing.Parse</c> and an
/// <c>XmlDocument</c> or <c>XmlTextReader</c> whose resolver the method does not set to <c>null</c>.
/// </summary>
public sealed class XmlExternalEntityAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property naming the code fix: <see cref="FixProhibitDtd"/> or <see cref="FixNullResolver"/>.</summary>
    internal const string FixProperty = "Fix";
    internal const string FixProhibitDtd = "ProhibitDtd";
    internal const string FixNullResolver = "NullResolver";

    private static readonly Version SafeDefaultsSince = new(4, 5, 2);

    internal static readonly DiagnosticDescriptor Rule = SpdfDescriptors.Create(
        DiagnosticIds.XmlExternalEntityResolution,
        title: "Do not resolve external entities in XML",
        messageFormat: "{0}",
        RuleCategory.InputHandling,
        FalsePositivePolicy.Precise,
        cwe: 611,
        description: "An XML document from a peer that declares an external entity makes the device read local files or " +
                     "connect to other hosts (XXE). Keep XmlResolver null (the default on .NET Core and .NET Framework " +
                     "4.5.2+) and DtdProcessing at Prohibit or Ignore.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var xmlTypes = new DeferredCompilationValue<XmlTypes>(context.Compilation, compilation =>
        {
            var xmlResolver = compilation.FindType("System.Xml.XmlResolver");
            return xmlResolver is null
                ? null
                : new XmlTypes(
                    xmlResolver,
                    compilation.FindType("System.Xml.DtdProcessing"),
                    compilation.FindType("System.Xml.XmlDocument"),
                    compilation.FindType("System.Xml.XmlTextReader"),
                    compilation.FindType("System.Xml.Xsl.XslCompiledTransform"),
                    UnsafeDefaults(compilation));
        });

        context.RegisterOperationAction([MethodImpl(HotPath.Optimize)] (c) =>
        {
            if (((ISimpleAssignmentOperation)c.Operation).Target is IPropertyReferenceOperation { Property.Name: "XmlResolver" or "DtdProcessing" } && xmlTypes.Value is { } types)
                AnalyzeAssignment(c, types);
        }, OperationKind.SimpleAssignment);
        context.RegisterOperationAction([MethodImpl(HotPath.Optimize)] (c) =>
        {
            if (((IInvocationOperation)c.Operation).TargetMethod.Name == "Load" && xmlTypes.Value is { } types)
                AnalyzeInvocation(c, types);
        }, OperationKind.Invocation);
        context.RegisterOperationAction([MethodImpl(HotPath.Optimize)] (c) =>
        {
            if (xmlTypes.Value is { UnsafeDefaults: true } types)
                AnalyzeCreation(c, types);
        }, OperationKind.ObjectCreation);
    }

    /// <summary>.NET Framework before 4.5.2 resolves external entities by default; .NET Core and later never do.</summary>
    private static bool UnsafeDefaults(Compilation compilation)
    {
        foreach (var attribute in compilation.Assembly.GetAttributes())
        {
            if (attribute.AttributeClass is { Name: "TargetFrameworkAttribute" }
                && attribute.ConstructorArguments.Length == 1
                && attribute.ConstructorArguments[0].Value is string frameworkName)
            {
                return IsOldNetFramework(frameworkName);
            }
        }

        return compilation.ObjectType.ContainingAssembly.Name == "mscorlib";
    }

    private static bool IsOldNetFramework(string frameworkName)
    {
        // ".NETFramework,Version=v4.5.1"
        var parts = frameworkName.Split(',');
        if (parts[0].Trim() != ".NETFramework")
            return false;
        foreach (var part in parts)
        {
            var trimmed = part.Trim();
            if (trimmed.StartsWith("Version=v", StringComparison.Ordinal) && Version.TryParse(trimmed.Substring("Version=v".Length), out var version))
                return version < SafeDefaultsSince;
        }

        return true;
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, XmlTypes types)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation property)
            return;

        if (property.Property.Name == "XmlResolver" && IsXmlApiType(property.Property.ContainingType)
            && !IsSafeResolver(assignment.Value, types))
        {
            Report(context, assignment.Value, FixNullResolver, "A non-null XmlResolver lets XML input read files and reach hosts through external entities; set XmlResolver to null");
        }
        else if (types.UnsafeDefaults && property.Property.Name == "DtdProcessing"
                 && SymbolEqualityComparer.Default.Equals(property.Type, types.DtdProcessing)
                 && assignment.Value.ConstantValue is { HasValue: true, Value: 2 })
        {
            Report(context, assignment.Value, FixProhibitDtd, "DtdProcessing.Parse with this target framework's default resolver expands external entities; use DtdProcessing.Prohibit");
        }
    }

    private static bool IsXmlApiType(INamedTypeSymbol type)
        => type.ContainingNamespace?.ToDisplayString() is "System.Xml" or "System.Xml.Schema" or "System.Xml.XPath" or "System.Xml.Xsl";

    private static bool IsSafeResolver(IOperation value, XmlTypes types)
    {
        while (value is IConversionOperation conversion)
            value = conversion.Operand;
        return value.ConstantValue is { HasValue: true, Value: null }
               || value is IDefaultValueOperation
               || value is IPropertyReferenceOperation { Property.Name: "ThrowingResolver" } throwing
                  && SymbolEqualityComparer.Default.Equals(throwing.Property.ContainingType, types.XmlResolver);
    }

    /// <summary><c>XslCompiledTransform.Load(stylesheet, settings, resolver)</c> with document() or scripts and a resolver.</summary>
    private static void AnalyzeInvocation(OperationAnalysisContext context, XmlTypes types)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (invocation.TargetMethod.Name != "Load" || !SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, types.XslCompiledTransform))
            return;

        IOperation? settings = null;
        IOperation? resolver = null;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name == "settings")
                settings = argument.Value;
            else if (argument.Parameter?.Name == "stylesheetResolver")
                resolver = argument.Value;
        }

        if (settings is null || resolver is null || IsSafeResolver(resolver, types) || !EnablesDocumentOrScript(settings))
            return;
        Report(context, resolver, FixNullResolver, "This stylesheet may call document() or scripts with a resolver that reads files and reaches hosts; pass XsltSettings.Default or a null resolver");
    }

    private static bool EnablesDocumentOrScript(IOperation settings)
    {
        while (settings is IConversionOperation conversion)
            settings = conversion.Operand;
        return settings switch
        {
            IPropertyReferenceOperation { Property.Name: "TrustedXslt" } => true,
            IObjectCreationOperation creation => creation.Arguments.Any(a => a.Value.ConstantValue is { HasValue: true, Value: true })
                                                 || creation.Initializer is { } initializer && initializer.Initializers.Any(i => i is ISimpleAssignmentOperation { Value.ConstantValue: { HasValue: true, Value: true } }),
            _ => false,
        };
    }

    /// <summary>Old .NET Framework: <c>new XmlDocument()</c> / <c>new XmlTextReader(...)</c> keep a resolver unless set to null.</summary>
    private static void AnalyzeCreation(OperationAnalysisContext context, XmlTypes types)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        var isDocument = SymbolEqualityComparer.Default.Equals(creation.Type, types.XmlDocument);
        var isTextReader = SymbolEqualityComparer.Default.Equals(creation.Type, types.XmlTextReader);
        if (!isDocument && !isTextReader)
            return;
        if (ResolverClearedNearby(creation, types))
            return;
        Report(context, creation, fix: null, (isDocument ? "XmlDocument" : "XmlTextReader") + " resolves external entities by default on this target framework; set XmlResolver to null");
    }

    /// <summary>The creation's initializer, or an assignment to the variable it initialises, sets XmlResolver to a safe value.</summary>
    private static bool ResolverClearedNearby(IObjectCreationOperation creation, XmlTypes types)
    {
        if (creation.Initializer is { } initializer
            && initializer.Initializers.Any(i => i is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "XmlResolver" } } a && IsSafeResolver(a.Value, types)))
        {
            return true;
        }

        ILocalSymbol? local = creation.Parent switch
        {
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
            IConversionOperation { Parent: IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } } => declarator.Symbol,
            ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } => target.Local,
            _ => null,
        };
        if (local is null)
            return false;

        IOperation top = creation;
        while (top.Parent is not null)
            top = top.Parent;
        foreach (var operation in top.Descendants())
        {
            if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "XmlResolver", Instance: ILocalReferenceOperation instance } } assignment
                && SymbolEqualityComparer.Default.Equals(instance.Local, local)
                && IsSafeResolver(assignment.Value, types))
            {
                return true;
            }
        }

        return false;
    }

    private static void Report(OperationAnalysisContext context, IOperation node, string? fix, string message)
    {
        if (AllowListOption.Read(context.Options, node.Syntax.SyntaxTree, DiagnosticIds.XmlExternalEntityResolution).Allows(context.ContainingSymbol))
            return;
        var properties = fix is null ? ImmutableDictionary<string, string?>.Empty : ImmutableDictionary<string, string?>.Empty.Add(FixProperty, fix);
        context.ReportDiagnostic(Diagnostic.Create(Rule, node.Syntax.GetLocation(), properties, message));
    }

    private sealed class XmlTypes
    {
        public XmlTypes(
            INamedTypeSymbol xmlResolver,
            INamedTypeSymbol? dtdProcessing,
            INamedTypeSymbol? xmlDocument,
            INamedTypeSymbol? xmlTextReader,
            INamedTypeSymbol? xslCompiledTransform,
            bool unsafeDefaults)
        {
            XmlResolver = xmlResolver;
            DtdProcessing = dtdProcessing;
            XmlDocument = xmlDocument;
            XmlTextReader = xmlTextReader;
            XslCompiledTransform = xslCompiledTransform;
            UnsafeDefaults = unsafeDefaults;
        }

        public INamedTypeSymbol XmlResolver { get; }
        public INamedTypeSymbol? DtdProcessing { get; }
        public INamedTypeSymbol? XmlDocument { get; }
        public INamedTypeSymbol? XmlTextReader { get; }
        public INamedTypeSymbol? XslCompiledTransform { get; }
        public bool UnsafeDefaults { get; }
    }
}
