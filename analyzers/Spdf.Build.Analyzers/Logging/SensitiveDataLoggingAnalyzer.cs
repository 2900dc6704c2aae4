using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Spdf.Build.Analyzers.Infrastructure;

namespace Spdf.Build.Analyzers.Logging;

/// <summary>
/// SPDF3014 (personal and health information) and SPDF3015 (secrets) written to a log: arguments of
/// <c>ILogger</c> extension methods and <c>BeginScope</c>, <c>[LoggerMessage]</c> methods, <c>Console.Write*</c>,
/// <c>Console.Out/Error.Write*</c>, <c>Trace</c>/<c>Debug</c>, Serilog, NLog and log4net loggers when referenced.
/// A value is sensitive when its symbol or type is marked <c>[Phi]</c>/<c>[Sensitive]</c> or with a
/// <c>Microsoft.Extensions.Compliance</c> data classification, when it is a record or <c>ToString</c>-overriding
/// object with such members, or when its name matches the configured lists. Values passed through any other
/// method (a redactor, a hash) are not reported.
/// </summary>
public sealed class SensitiveDataLoggingAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor PersonalRule = SpdfDescriptors.Create(
        DiagnosticIds.PersonalHealthInformationInLog,
        title: "Do not write personal or health information to logs",
        messageFormat: "'{0}' is personal or health information and is written to a log by {1}",
        RuleCategory.InputHandling,
        FalsePositivePolicy.Heuristic,
        cwe: 359,
        description: "Device logs leave the device (service exports, cloud telemetry, support bundles) and are read by people " +
                     "who may not see patient data. Log an opaque identifier or a redacted value instead. Mark data with " +
                     "[Phi]; tune the name list with 'spdf.SPDF3014.sensitive_names'.");

    internal static readonly DiagnosticDescriptor SecretRule = SpdfDescriptors.Create(
        DiagnosticIds.SecretInLog,
        title: "Do not write secrets to logs",
        messageFormat: "'{0}' is a secret and is written to a log by {1}",
        RuleCategory.InputHandling,
        FalsePositivePolicy.Heuristic,
        cwe: 532,
        description: "A password, token or key in a log is readable by everyone who can read the log and outlives its " +
                     "rotation. Log that the secret was used or its key identifier, never its value. Mark secrets with " +
                     "[Sensitive]; tune the name list with 'spdf.SPDF3015.sensitive_names'.");

    private static readonly string[] SerilogMethods = { "Write", "Verbose", "Debug", "Information", "Warning", "Error", "Fatal" };
    private static readonly string[] NLogMethods = { "Log", "Trace", "Debug", "Info", "Warn", "Error", "Fatal" };
    private static readonly string[] Log4NetMethods = { "Debug", "Info", "Warn", "Error", "Fatal", "DebugFormat", "InfoFormat", "WarnFormat", "ErrorFormat", "FatalFormat" };
    private static readonly string[] TraceMethods = { "Write", "WriteLine", "WriteIf", "WriteLineIf", "Print", "TraceInformation", "TraceWarning", "TraceError" };
    private static readonly string[] WriteMethods = { "Write", "WriteLine", "WriteAsync", "WriteLineAsync" };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(PersonalRule, SecretRule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            var loggers = new DeferredCompilationValue<LoggingApis>(start.Compilation, compilation => new LoggingApis(compilation));
            start.RegisterOperationAction([MethodImpl(HotPath.Optimize)] (c) => Analyze(c, loggers.Value!), OperationKind.Invocation);
        });
    }

    [MethodImpl(HotPath.Optimize)]
    private static void Analyze(OperationAnalysisContext context, LoggingApis loggers)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (loggers.Describe(invocation) is { } sinkName)
            AnalyzeLoggingCall(context, invocation, sinkName, loggers);
    }

    [MethodImpl(HotPath.Cold)]
    private static void AnalyzeLoggingCall(OperationAnalysisContext context, IInvocationOperation invocation, string sinkName, LoggingApis loggers)
    {
        var tree = invocation.Syntax.SyntaxTree;
        SensitiveNameOption? personalNames = null;
        SensitiveNameOption? secretNames = null;
        var template = invocation.Arguments.FirstOrDefault(a => a.Value.ConstantValue is { HasValue: true, Value: string })?.Value.ConstantValue.Value as string;
        var destructures = template?.Contains("{@") == true;

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { } parameter && ((parameter.Ordinal == 0 && invocation.TargetMethod.IsExtensionMethod) || IsFrameworkNonValue(parameter.Type, loggers)))
                continue;
            foreach (var leaf in Leaves(argument.Value))
            {
                var kind = loggers.MarkOf(leaf, destructures);
                if (kind == SensitiveKind.None && SymbolOf(leaf) is { } named && named.Locations.Any(l => l.IsInSource))
                {
                    personalNames ??= SensitiveNameOption.Read(context.Options, tree, DiagnosticIds.PersonalHealthInformationInLog, SensitiveNameOption.PersonalDefaults);
                    secretNames ??= SensitiveNameOption.Read(context.Options, tree, DiagnosticIds.SecretInLog, SensitiveNameOption.SecretDefaults);
                    if (IsSecretType(leaf.Type) && secretNames.Matches(named.Name))
                        kind = SensitiveKind.Secret;
                    else if (IsPersonalType(leaf.Type) && personalNames.Matches(named.Name))
                        kind = SensitiveKind.Personal;
                    else if (leaf.Type is { } objectType && objectType.Locations.Any(l => l.IsInSource) && (destructures || LoggingApis.PrintsMembers(objectType)))
                        kind = MemberNamesKind(objectType, personalNames, secretNames);
                }

                if (kind == SensitiveKind.None)
                    continue;
                var rule = kind == SensitiveKind.Secret ? SecretRule : PersonalRule;
                if (AllowListOption.Read(context.Options, tree, rule.Id).Allows(context.ContainingSymbol))
                    continue;
                context.ReportDiagnostic(Diagnostic.Create(rule, leaf.Syntax.GetLocation(), Shorten(leaf.Syntax.ToString()), sinkName));
            }
        }
    }

    /// <summary>Log levels, event IDs, exceptions, providers and cancellation tokens are not logged values.</summary>
    private static bool IsFrameworkNonValue(ITypeSymbol type, LoggingApis loggers)
        => type.TypeKind == TypeKind.Enum
           || type.Name is "EventId" or "IFormatProvider" or "CancellationToken" or "ILogger"
           || type.SpecialType == SpecialType.System_Boolean
           || loggers.IsException(type);

    /// <summary>The values an argument writes: through params arrays, interpolation, concatenation, formatting and ToString().</summary>
    private static IEnumerable<IOperation> Leaves(IOperation value)
    {
        var pending = new Stack<IOperation>();
        pending.Push(value);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            switch (current)
            {
                case IConversionOperation conversion:
                    pending.Push(conversion.Operand);
                    break;
                case IArrayCreationOperation { Initializer: { } initializer }:
                    foreach (var element in initializer.ElementValues)
                        pending.Push(element);
                    break;
                case IInterpolatedStringOperation interpolated:
                    foreach (var part in interpolated.Parts)
                    {
                        if (part is IInterpolationOperation interpolation)
                            pending.Push(interpolation.Expression);
                    }

                    break;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary:
                    pending.Push(binary.LeftOperand);
                    pending.Push(binary.RightOperand);
                    break;
                case IConditionalOperation conditional:
                    pending.Push(conditional.WhenTrue);
                    if (conditional.WhenFalse is { } whenFalse)
                        pending.Push(whenFalse);
                    break;
                case ICoalesceOperation coalesce:
                    pending.Push(coalesce.Value);
                    pending.Push(coalesce.WhenNull);
                    break;
                case IInvocationOperation { TargetMethod: { Name: "ToString", Parameters.Length: 0 }, Instance: { } instance }:
                    pending.Push(instance);
                    break;
                case IInvocationOperation { TargetMethod: { Name: "Format" or "Concat" or "Join", ContainingType.SpecialType: SpecialType.System_String } } formatting:
                    foreach (var argument in formatting.Arguments)
                        pending.Push(argument.Value);
                    break;
                default:
                    if (!current.ConstantValue.HasValue)
                        yield return current;
                    break;
            }
        }
    }

    /// <summary>A record or ToString-overriding object whose members are named like secrets or personal data.</summary>
    private static SensitiveKind MemberNamesKind(ITypeSymbol type, SensitiveNameOption personalNames, SensitiveNameOption secretNames)
    {
        var kind = SensitiveKind.None;
        foreach (var member in type.GetMembers())
        {
            if (member is not IPropertySymbol { IsStatic: false, IsImplicitlyDeclared: false } property)
                continue;
            if (IsSecretType(property.Type) && secretNames.Matches(property.Name))
                return SensitiveKind.Secret;
            if (IsPersonalType(property.Type) && personalNames.Matches(property.Name))
                kind = SensitiveKind.Personal;
        }

        return kind;
    }

    private static ISymbol? SymbolOf(IOperation operation) => operation switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IFieldReferenceOperation field => field.Field,
        IPropertyReferenceOperation property => property.Property,
        _ => null,
    };

    private static bool IsSecretType(ITypeSymbol? type)
        => type is not null
           && (type.SpecialType == SpecialType.System_String
               || type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte or SpecialType.System_Char }
               || type is INamedTypeSymbol { Name: "SecureString" or "ReadOnlySpan" or "ReadOnlyMemory" or "Span" or "Memory" });

    private static bool IsPersonalType(ITypeSymbol? type)
    {
        if (type is null || type.SpecialType == SpecialType.System_Boolean || type.TypeKind == TypeKind.Enum)
            return false;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
            type = nullable.TypeArguments[0];
        return type.SpecialType != SpecialType.None
               || type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Char }
               || type is INamedTypeSymbol { Name: "DateOnly" or "DateTimeOffset" }
               || type.Locations.Any(l => l.IsInSource);
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text.Substring(0, 57) + "...";

    internal enum SensitiveKind
    {
        None,
        Personal,
        Secret,
    }

    /// <summary>The logging APIs of one compilation and the markers found on symbols and types, cached.</summary>
    private sealed class LoggingApis
    {
        private readonly INamedTypeSymbol? _loggerExtensions;
        private readonly INamedTypeSymbol? _logger;
        private readonly INamedTypeSymbol? _loggerMessageAttribute;
        private readonly INamedTypeSymbol? _console;
        private readonly INamedTypeSymbol? _textWriter;
        private readonly INamedTypeSymbol? _trace;
        private readonly INamedTypeSymbol? _debug;
        private readonly INamedTypeSymbol? _exception;
        private readonly ImmutableArray<(INamedTypeSymbol Type, string[] Methods)> _thirdParty;
        private readonly ConcurrentDictionary<ISymbol, SensitiveKind> _symbolMarks = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<ITypeSymbol, (SensitiveKind Self, SensitiveKind Members)> _typeMarks = new(SymbolEqualityComparer.Default);

        public LoggingApis(Compilation compilation)
        {
            _loggerExtensions = compilation.FindType("Microsoft.Extensions.Logging.LoggerExtensions");
            _logger = compilation.FindType("Microsoft.Extensions.Logging.ILogger");
            _loggerMessageAttribute = compilation.FindType("Microsoft.Extensions.Logging.LoggerMessageAttribute");
            _console = compilation.FindType("System.Console");
            _textWriter = compilation.FindType("System.IO.TextWriter");
            _trace = compilation.FindType("System.Diagnostics.Trace");
            _debug = compilation.FindType("System.Diagnostics.Debug");
            _exception = compilation.FindType("System.Exception");
            var thirdParty = ImmutableArray.CreateBuilder<(INamedTypeSymbol, string[])>();
            Add("Serilog.ILogger", SerilogMethods);
            Add("Serilog.Log", SerilogMethods);
            Add("NLog.ILoggerBase", NLogMethods);
            Add("NLog.Logger", NLogMethods);
            Add("log4net.ILog", Log4NetMethods);
            _thirdParty = thirdParty.ToImmutable();

            void Add(string name, string[] methods)
            {
                if (compilation.FindType(name) is { } type)
                    thirdParty.Add((type, methods));
            }
        }

        public bool IsException(ITypeSymbol type)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, _exception))
                    return true;
            }

            return false;
        }

        /// <summary>"ILogger.LogInformation", "Console.WriteLine", ... or null when the call does not write a log.</summary>
        [MethodImpl(HotPath.Optimize)]
        public string? Describe(IInvocationOperation invocation)
        {
            // The class's name before the symbol comparisons: it rules out almost every call at once.
            var method = invocation.TargetMethod;
            var type = method.ContainingType;
            switch (type.Name)
            {
                case "LoggerExtensions" when SymbolEqualityComparer.Default.Equals(type, _loggerExtensions):
                    return "ILogger." + method.Name;
                case "ILogger" when method.Name == "BeginScope" && SymbolEqualityComparer.Default.Equals(type, _logger):
                    return "ILogger.BeginScope";
                case "Console" when NameList.Contains(WriteMethods, method.Name) && SymbolEqualityComparer.Default.Equals(type, _console):
                    return "Console." + method.Name;
                case "Trace" or "Debug" when NameList.Contains(TraceMethods, method.Name)
                                            && (SymbolEqualityComparer.Default.Equals(type, _trace) || SymbolEqualityComparer.Default.Equals(type, _debug)):
                    return type.Name + "." + method.Name;
            }

            // The logging source generator implements only partial methods, so only their declarations carry the attribute.
            if (method.IsPartialDefinition && _loggerMessageAttribute is not null && HasLoggerMessageAttribute(method))
                return "the [LoggerMessage] method " + method.Name;
            if (NameList.Contains(WriteMethods, method.Name) && IsConsoleWriter(invocation.Instance))
                return "Console." + ((IPropertyReferenceOperation)invocation.Instance!).Property.Name + "." + method.Name;
            foreach (var (loggerType, methods) in _thirdParty)
            {
                if (NameList.Contains(methods, method.Name) && Implements(invocation.Instance?.Type ?? type, loggerType))
                    return loggerType.Name + "." + method.Name;
            }

            return null;
        }

        private bool HasLoggerMessageAttribute(IMethodSymbol method)
        {
            foreach (var attribute in method.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _loggerMessageAttribute))
                    return true;
            }

            return false;
        }

        private bool IsConsoleWriter(IOperation? instance)
            => instance is IPropertyReferenceOperation { Property.Name: "Out" or "Error" } property
               && SymbolEqualityComparer.Default.Equals(property.Property.ContainingType, _console)
               && SymbolEqualityComparer.Default.Equals(property.Type, _textWriter);

        private static bool Implements(ITypeSymbol type, INamedTypeSymbol target)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, target))
                    return true;
            }

            return type.AllInterfaces.Contains(target, SymbolEqualityComparer.Default);
        }

        /// <summary>The marker on the value's symbol, or on its type when the whole object reaches the log.</summary>
        public SensitiveKind MarkOf(IOperation leaf, bool destructures)
        {
            var symbol = leaf switch
            {
                IInvocationOperation call => (ISymbol)call.TargetMethod,
                _ => SymbolOf(leaf),
            };
            if (symbol is not null && SymbolMark(symbol) is var own && own != SensitiveKind.None)
                return own;
            if (leaf.Type is not { } type || type.SpecialType != SpecialType.None)
                return SensitiveKind.None;

            var (self, members) = TypeMark(type);
            if (self != SensitiveKind.None)
                return self;
            return members != SensitiveKind.None && (destructures || PrintsMembers(type)) ? members : SensitiveKind.None;
        }

        private SensitiveKind SymbolMark(ISymbol symbol)
            => _symbolMarks.GetOrAdd(symbol, static s =>
            {
                var attributes = s is IMethodSymbol method ? method.GetReturnTypeAttributes().AddRange(method.GetAttributes()) : s.GetAttributes();
                return KindOf(attributes);
            });

        private (SensitiveKind Self, SensitiveKind Members) TypeMark(ITypeSymbol type)
            => _typeMarks.GetOrAdd(type, t =>
            {
                var self = KindOf(t.GetAttributes());
                var members = SensitiveKind.None;
                foreach (var member in t.GetMembers())
                {
                    if (member is not (IPropertySymbol or IFieldSymbol) || member.IsStatic || member.IsImplicitlyDeclared)
                        continue;
                    var kind = SymbolMark(member);
                    if (kind == SensitiveKind.Secret)
                        return (self, SensitiveKind.Secret);
                    if (kind == SensitiveKind.Personal)
                        members = SensitiveKind.Personal;
                }

                return (self, members);
            });

        /// <summary>Records print their members; so does a type that overrides ToString (assumed to).</summary>
        public static bool PrintsMembers(ITypeSymbol type)
            => type.IsRecord
               || type.GetMembers("ToString").Any(m => m is IMethodSymbol { IsOverride: true, Parameters.Length: 0, IsImplicitlyDeclared: false });

        private static SensitiveKind KindOf(ImmutableArray<AttributeData> attributes)
        {
            var kind = SensitiveKind.None;
            foreach (var attribute in attributes)
            {
                var attributeClass = attribute.AttributeClass;
                if (attributeClass is null)
                    continue;
                if (IsSpdfMarker(attributeClass, "SensitiveAttribute"))
                    return SensitiveKind.Secret;
                if (IsSpdfMarker(attributeClass, "PhiAttribute") || IsDataClassification(attributeClass))
                    kind = SensitiveKind.Personal;
            }

            return kind;
        }

        private static bool IsSpdfMarker(INamedTypeSymbol attribute, string name)
            => attribute.Name == name
               && attribute.ContainingNamespace is { Name: "Build", ContainingNamespace: { Name: "Spdf", ContainingNamespace.IsGlobalNamespace: true } };

        private static bool IsDataClassification(INamedTypeSymbol attribute)
        {
            for (var current = attribute; current is not null; current = current.BaseType)
            {
                if (current.Name == "DataClassificationAttribute" && current.ContainingNamespace?.ToDisplayString() == "Microsoft.Extensions.Compliance.Classification")
                    return true;
            }

            return false;
        }
    }
}
