using System;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Spdf.Build.Analyzers.Infrastructure;

namespace Spdf.Build.Analyzers.Transport;

/// <summary>
/// SPDF1013: an <c>http://</c>, <c>ftp://</c>, <c>telnet://</c> or <c>ws://</c> address that reaches a network API: a
/// string or <c>Uri</c> parameter named for an address (<c>requestUri</c>, <c>address</c>, <c>uri</c>, <c>uriPrefix</c>...)
/// of a <c>System.Net</c> type (<c>HttpClient</c>, <c>HttpRequestMessage</c>, <c>WebRequest.Create</c>, <c>WebClient</c>,
/// <c>ClientWebSocket.ConnectAsync</c>, <c>HttpListener</c> prefixes) or a <c>BaseAddress</c>; constants, <c>new Uri("...")</c>
/// and locals initialised with them are followed, as are interpolations and concatenations whose constant start fixes
/// the scheme (<c>$"http://{host}/x"</c>, <c>"http://" + host</c>). Loopback addresses and strings that never reach a network API
/// (XML namespaces, documentation links) are not reported.
/// </summary>
public sealed class ClearTextTransportAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = SpdfDescriptors.Create(
        DiagnosticIds.ClearTextTransport,
        title: "Do not send data over clear-text protocols",
        messageFormat: "'{0}' is sent over {1} in clear text; use {2}",
        RuleCategory.Cryptography,
        FalsePositivePolicy.Precise,
        cwe: 319,
        description: "HTTP, FTP, Telnet and WebSocket without TLS expose patient data, credentials and commands to anyone on the " +
                     "network path and let them alter it. Use https://, wss:// or FTPS/SFTP.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            var uriType = new DeferredCompilationValue<INamedTypeSymbol>(start.Compilation, compilation => compilation.FindType("System.Uri"));

            start.RegisterOperationAction([MethodImpl(HotPath.Optimize)] (c) =>
            {
                // The namespace test (in IsAddressParameter) is the costly one: it comes after the parameter's name.
                var arguments = c.Operation.CallArguments(out var method);
                if (method is null)
                    return;
                foreach (var argument in arguments)
                {
                    if (argument.IsImplicit || argument.Parameter is not { } parameter || !IsNamedForAddress(parameter.Name)
                        || uriType.Value is not { } uri || !IsAddressParameter(parameter, uri))
                    {
                        continue;
                    }

                    Check(c, argument.Value, uri);
                }
            }, OperationKind.Invocation, OperationKind.ObjectCreation);

            start.RegisterOperationAction([MethodImpl(HotPath.Optimize)] (c) =>
            {
                var assignment = (ISimpleAssignmentOperation)c.Operation;
                if (assignment.Target is IPropertyReferenceOperation { Property: { Name: "BaseAddress" } property }
                    && property.IsInNamespaceOrChild("System.Net")
                    && uriType.Value is { } uri)
                {
                    Check(c, assignment.Value, uri);
                }
            }, OperationKind.SimpleAssignment);
        });
    }

    private static bool IsAddressParameter(IParameterSymbol parameter, INamedTypeSymbol uri)
    {
        if (parameter.Type.SpecialType != SpecialType.System_String && !SymbolEqualityComparer.Default.Equals(parameter.Type, uri))
            return false;
        // Proxies are reached over plain HTTP by design (HTTPS goes through a CONNECT tunnel): new WebProxy("http://proxy:8080").
        var isProxy = parameter.ContainingSymbol.ContainingType?.Name.IndexOf("Proxy", StringComparison.Ordinal) >= 0;
        return !isProxy && parameter.ContainingSymbol.IsInNamespaceOrChild("System.Net");
    }

    /// <summary>
    /// "uri" or "url" anywhere in the name, or "address", ignoring ASCII case. Asked for every argument of every call, so
    /// one pass over the name instead of two case-insensitive searches; parameter names of the System.Net APIs this
    /// decides for are ASCII.
    /// </summary>
    [MethodImpl(HotPath.Optimize)]
    private static bool IsNamedForAddress(string name)
    {
        for (var i = 0; i + 2 < name.Length; i++)
        {
            if ((name[i] | 0x20) == 'u' && (name[i + 1] | 0x20) == 'r' && (name[i + 2] | 0x20) is 'i' or 'l')
                return true;
        }

        return name.Length == 7 && name.Equals("address", StringComparison.OrdinalIgnoreCase);
    }

    private static void Check(OperationAnalysisContext context, IOperation value, INamedTypeSymbol uri)
    {
        var address = ConstantAddress(value, uri, depth: 0);
        if (address is null)
        {
            CheckBuiltAddress(context, value, uri);
            return;
        }

        // The scheme before the URI parser: most constant addresses are already https://.
        var scheme = address.Substring(0, Math.Max(0, address.IndexOf("://", StringComparison.Ordinal))).ToLowerInvariant();
        var secure = scheme switch
        {
            "http" => "https://",
            "ws" => "wss://",
            "ftp" => "FTPS or SFTP",
            "telnet" => "SSH",
            _ => null,
        };
        if (secure is null)
            return;
        if (!Uri.TryCreate(address.Trim(), UriKind.Absolute, out var parsed) && !address.Contains("://+") && !address.Contains("://*"))
            return;
        if (parsed is not null && IsLoopback(parsed))
            return;

        context.ReportDiagnostic(Diagnostic.Create(Rule, value.Syntax.GetLocation(), address, scheme.ToUpperInvariant(), secure));
    }

    /// <summary>
    /// <c>$"http://{host}/x"</c>, <c>"http://" + host</c>, <c>new Uri("http://" + host)</c>: an address built at run time whose
    /// constant start fixes a clear-text scheme. Reported unless that start already names a loopback host.
    /// </summary>
    private static void CheckBuiltAddress(OperationAnalysisContext context, IOperation value, INamedTypeSymbol uri)
    {
        var prefix = ConstantPrefix(value, uri, depth: 0);
        var separator = prefix?.IndexOf("://", StringComparison.Ordinal) ?? -1;
        if (prefix is null || separator <= 0)
            return;

        var scheme = prefix.Substring(0, separator).Trim().ToLowerInvariant();
        var secure = SecureAlternative(scheme);
        if (secure is null)
            return;
        var hostStart = separator + 3;
        var hostEnd = hostStart < prefix.Length && prefix[hostStart] == '['
            ? prefix.IndexOf(']', hostStart) is var bracket and >= 0 ? bracket + 1 : -1
            : prefix.IndexOfAny(HostTerminators, hostStart);
        var host = prefix.Substring(hostStart, (hostEnd < 0 ? prefix.Length : hostEnd) - hostStart);
        if (host.Length > 0 && IsLoopbackHost(host))
            return;

        var shown = value.Syntax.ToString();
        context.ReportDiagnostic(Diagnostic.Create(Rule, value.Syntax.GetLocation(), shown.Length > 80 ? shown.Substring(0, 80) + "..." : shown, scheme.ToUpperInvariant(), secure));
    }

    private static readonly char[] HostTerminators = { ':', '/', '?', '#' };

    private static string? SecureAlternative(string scheme) => scheme switch
    {
        "http" => "https://",
        "ws" => "wss://",
        "ftp" => "FTPS or SFTP",
        "telnet" => "SSH",
        _ => null,
    };

    private static bool IsLoopbackHost(string host)
        => host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
           || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
           || host.StartsWith("127.", StringComparison.Ordinal)
           || host is "[::1]" or "::1";

    /// <summary>The constant text an interpolation or concatenation starts with.</summary>
    private static string? ConstantPrefix(IOperation value, INamedTypeSymbol uri, int depth)
    {
        value = value.WalkDownConversions();
        if (value.ConstantValue is { HasValue: true, Value: string text })
            return text;
        if (depth > 3)
            return null;

        switch (value)
        {
            case IInterpolatedStringOperation interpolated:
                return interpolated.Parts.FirstOrDefault() is IInterpolatedStringTextOperation { Text.ConstantValue: { HasValue: true, Value: string start } } ? start : null;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation when concatenation.Type?.SpecialType == SpecialType.System_String:
                return ConstantPrefix(concatenation.LeftOperand, uri, depth + 1);
            case IObjectCreationOperation creation when SymbolEqualityComparer.Default.Equals(creation.Type, uri)
                                                        && creation.Arguments.Length >= 1
                                                        && creation.Arguments[0].Parameter?.Type.SpecialType == SpecialType.System_String:
                return ConstantPrefix(creation.Arguments[0].Value, uri, depth + 1);
            case IInvocationOperation { TargetMethod: { Name: "Concat", ContainingType.SpecialType: SpecialType.System_String } } concat when concat.Arguments.Length > 0:
                return concat.Arguments[0].Value.WalkDownConversions() is IArrayCreationOperation { Initializer.ElementValues: { Length: > 0 } elements }
                    ? ConstantPrefix(elements[0], uri, depth + 1)
                    : ConstantPrefix(concat.Arguments[0].Value, uri, depth + 1);
            case ILocalReferenceOperation local:
                return ValueFlow.InitializerOfUnchangedLocal(local) is { } initializer ? ConstantPrefix(initializer, uri, depth + 1) : null;
            default:
                return null;
        }
    }

    private static bool IsLoopback(Uri address)
    {
        var host = address.Host;
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
               || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
               || address.IsLoopback;
    }

    private static string? ConstantAddress(IOperation value, INamedTypeSymbol uri, int depth)
    {
        value = value.WalkDownConversions();
        if (value.ConstantValue is { HasValue: true, Value: string text })
            return text;
        if (depth > 2)
            return null;

        switch (value)
        {
            case IObjectCreationOperation creation when SymbolEqualityComparer.Default.Equals(creation.Type, uri)
                                                        && creation.Arguments.Length >= 1
                                                        && creation.Arguments[0].Parameter?.Type.SpecialType == SpecialType.System_String:
                return ConstantAddress(creation.Arguments[0].Value, uri, depth + 1);
            case ILocalReferenceOperation local:
                return ConstantLocal(local, uri, depth);
            default:
                return null;
        }
    }

    private static string? ConstantLocal(ILocalReferenceOperation reference, INamedTypeSymbol uri, int depth)
        => ValueFlow.InitializerOfUnchangedLocal(reference) is { } initializer ? ConstantAddress(initializer, uri, depth + 1) : null;
}
