using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Spdf.Build.Analyzers.Infrastructure;

namespace Spdf.Build.Analyzers.Transport;

/// <summary>
/// SPDF1010: <c>SslProtocols.Ssl2/Ssl3/Tls/Tls11/Default</c> and <c>SecurityProtocolType.Ssl3/Tls/Tls11</c> stored or passed on
/// (not merely compared or masked out). SPDF1011 (audit): <c>Tls12</c>/<c>Tls13</c> pinned instead of letting the
/// operating system choose (<c>SslProtocols.None</c>, <c>SecurityProtocolType.SystemDefault</c>). Both also cover numeric
/// casts of the same values (<c>(SslProtocols)192</c>, <c>(SecurityProtocolType)3072</c>).
/// </summary>
public sealed class ObsoleteTlsProtocolAnalyzer : DiagnosticAnalyzer
{
    internal const string EnumTypeProperty = "EnumType";

    internal static readonly DiagnosticDescriptor ObsoleteRule = SpdfDescriptors.Create(
        DiagnosticIds.ObsoleteTlsProtocol,
        title: "Do not enable SSL 2.0/3.0, TLS 1.0 or TLS 1.1",
        messageFormat: "{0} enables an obsolete protocol; use SslProtocols.None (the operating system default) so only TLS 1.2 and later are negotiated",
        RuleCategory.Cryptography,
        FalsePositivePolicy.Precise,
        cwe: 326,
        description: "SSL 2.0, SSL 3.0, TLS 1.0 and TLS 1.1 are deprecated (RFC 8996) and vulnerable to downgrade and padding-oracle attacks.");

    internal static readonly DiagnosticDescriptor PinnedRule = SpdfDescriptors.Create(
        DiagnosticIds.PinnedTlsProtocolVersion,
        title: "Let the operating system choose the TLS version",
        messageFormat: "{0} pins a TLS version; use SslProtocols.None (SecurityProtocolType.SystemDefault) so the device picks up newer versions and OS policy",
        RuleCategory.Cryptography,
        FalsePositivePolicy.Audit,
        cwe: 757,
        description: "A hard-coded TLS version does not follow operating system updates: when TLS 1.2 is deprecated the device keeps using it. " +
                     "Pinning is sometimes required by a peer; review and document such cases.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(ObsoleteRule, PinnedRule);

    [MethodImpl(HotPath.Cold)]
    private static void AnalyzeProtocolReference(OperationAnalysisContext context, IFieldReferenceOperation reference, bool isSsl)
    {
        var rule = reference.Field.Name switch
        {
            "Ssl2" or "Ssl3" or "Tls" or "Tls11" => ObsoleteRule,
            "Default" when isSsl => ObsoleteRule,
            "Tls12" or "Tls13" => PinnedRule,
            _ => null,
        };
        if (rule is null || !ValueFlow.IsStoredOrPassed(reference))
            return;

        var properties = ImmutableDictionary<string, string?>.Empty.Add(EnumTypeProperty, isSsl ? "SslProtocols" : "SecurityProtocolType");
        context.ReportDiagnostic(Diagnostic.Create(rule, reference.Syntax.GetLocation(), properties, reference.Field.ContainingType.Name + "." + reference.Field.Name));
    }

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            var sslProtocols = new DeferredCompilationValue<INamedTypeSymbol>(start.Compilation, compilation => compilation.FindType("System.Security.Authentication.SslProtocols"));
            var securityProtocolType = new DeferredCompilationValue<INamedTypeSymbol>(start.Compilation, compilation => compilation.FindType("System.Net.SecurityProtocolType"));

            start.RegisterOperationAction([MethodImpl(HotPath.Optimize)] (c) =>
            {
                var reference = (IFieldReferenceOperation)c.Operation;
                var type = reference.Field.ContainingType;
                if (type.TypeKind != TypeKind.Enum)
                    return;
                var isSsl = SymbolEqualityComparer.Default.Equals(type, sslProtocols.Value);
                if (isSsl || SymbolEqualityComparer.Default.Equals(type, securityProtocolType.Value))
                    AnalyzeProtocolReference(c, reference, isSsl);
            }, OperationKind.FieldReference);

            // (SslProtocols)192, (SecurityProtocolType)3072: the numeric values of the enum members, cast. A syntax action on
            // casts, not an operation action on conversions: most conversions are implicit and never need a look.
            start.RegisterSyntaxNodeAction([MethodImpl(HotPath.Optimize)] (c) =>
            {
                var cast = (CastExpressionSyntax)c.Node;
                if (!IsNumericSyntax(cast.Expression)
                    || c.SemanticModel.GetTypeInfo(cast, c.CancellationToken).Type is not INamedTypeSymbol { TypeKind: TypeKind.Enum } type)
                {
                    return;
                }

                var isSsl = SymbolEqualityComparer.Default.Equals(type, sslProtocols.Value);
                if (!isSsl && !SymbolEqualityComparer.Default.Equals(type, securityProtocolType.Value))
                    return;
                if (c.SemanticModel.GetOperation(cast, c.CancellationToken) is not IConversionOperation conversion
                    || conversion.Operand.ConstantValue is not { HasValue: true, Value: { } operand }
                    || conversion.Operand.Type is { TypeKind: TypeKind.Enum })
                {
                    return;
                }

                var bits = System.Convert.ToInt64(operand, System.Globalization.CultureInfo.InvariantCulture);
                var rule = (bits & ObsoleteBits) != 0 ? ObsoleteRule : (bits & ModernBits) != 0 ? PinnedRule : null;
                if (rule is null || !ValueFlow.IsStoredOrPassed(conversion))
                    return;

                var properties = ImmutableDictionary<string, string?>.Empty.Add(EnumTypeProperty, isSsl ? "SslProtocols" : "SecurityProtocolType");
                c.ReportDiagnostic(Diagnostic.Create(rule, cast.GetLocation(), properties, "(" + type.Name + ")" + bits.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }, SyntaxKind.CastExpression);
        });
    }

    /// <summary>Literals, constant names and their combinations: what a numeric protocol value is written as.</summary>
    private static bool IsNumericSyntax(ExpressionSyntax expression) => expression switch
    {
        LiteralExpressionSyntax literal => literal.IsKind(SyntaxKind.NumericLiteralExpression),
        IdentifierNameSyntax or MemberAccessExpressionSyntax => true,
        ParenthesizedExpressionSyntax parenthesized => IsNumericSyntax(parenthesized.Expression),
        BinaryExpressionSyntax binary => IsNumericSyntax(binary.Left) && IsNumericSyntax(binary.Right),
        CastExpressionSyntax inner => IsNumericSyntax(inner.Expression),
        _ => false,
    };

    /// <summary>SSL 2.0 (12), SSL 3.0 (48), TLS 1.0 (192) and TLS 1.1 (768): the same values in both enums.</summary>
    private const long ObsoleteBits = 12 | 48 | 192 | 768;

    /// <summary>TLS 1.2 (3072) and TLS 1.3 (12288).</summary>
    private const long ModernBits = 3072 | 12288;
}
