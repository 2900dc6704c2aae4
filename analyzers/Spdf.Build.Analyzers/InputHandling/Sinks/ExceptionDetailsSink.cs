using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Spdf.Build.Analyzers.Infrastructure;

namespace Spdf.Build.Analyzers.InputHandling.Sinks;

/// <summary>
/// SPDF3016: an exception, its message or stack trace written to a peer: a serial port, a socket, a UDP client,
/// a network stream (or a reader/writer over one) or an HTTP response (written directly, or as the body of an ASP.NET Core
/// controller, page or minimal-API result such as <c>Content(...)</c>, <c>BadRequest(...)</c> or <c>Results.Problem(...)</c>).
/// </summary>
internal static class ExceptionDetailsSink
{
    public static readonly DiagnosticDescriptor Rule = SpdfDescriptors.Create(
        DiagnosticIds.ExceptionDetailsToPeer,
        title: "Do not send exception details to a peer",
        messageFormat: "Exception details from {0} are sent to a peer",
        RuleCategory.InputHandling,
        FalsePositivePolicy.Precise,
        cwe: 209,
        description: "Stack traces and exception messages reveal file paths, versions, protocol internals and sometimes data. " +
                     "Send the peer a fixed error code and write the details to the device's protected log.");

    private static readonly string[] HttpResultMethodNames =
    {
        "Content", "Text", "Json", "Ok", "BadRequest", "StatusCode", "Problem", "ValidationProblem", "UnprocessableEntity",
        "Conflict", "NotFound", "Unauthorized", "Accepted", "Created", "InternalServerError",
    };

    /// <summary>Members that always write to a peer, whatever their receiver.</summary>
    public static readonly ImmutableArray<(string TypeName, string[] MethodNames)> ChannelWrites = ImmutableArray.Create(
        ("System.IO.Ports.SerialPort", new[] { "Write", "WriteLine" }),
        ("System.Net.Sockets.Socket", new[] { "Send", "SendAsync", "SendTo", "SendToAsync" }),
        ("System.Net.Sockets.UdpClient", new[] { "Send", "SendAsync" }),
        ("System.Net.Sockets.NetworkStream", new[] { "Write", "WriteAsync", "WriteByte", "BeginWrite" }),
        ("Microsoft.AspNetCore.Http.HttpResponseWritingExtensions", new[] { "WriteAsync" }),
        // Results whose body the framework sends to the client: what a controller, page or endpoint passes here is
        // the HTTP response.
        ("Microsoft.AspNetCore.Mvc.ControllerBase", HttpResultMethodNames),
        ("Microsoft.AspNetCore.Mvc.RazorPages.PageModel", HttpResultMethodNames),
        ("Microsoft.AspNetCore.Http.Results", HttpResultMethodNames),
        ("Microsoft.AspNetCore.Http.TypedResults", HttpResultMethodNames));

    /// <summary>Writer methods that write to a peer when their receiver wraps a device channel.</summary>
    public static readonly ImmutableArray<string> WriterMethodNames = ImmutableArray.Create(
        "Write", "WriteLine", "WriteAsync", "WriteLineAsync");
}
