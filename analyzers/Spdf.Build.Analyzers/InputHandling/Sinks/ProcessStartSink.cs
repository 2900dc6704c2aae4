using Microsoft.CodeAnalysis;
using Spdf.Build.Analyzers.Infrastructure;

namespace Spdf.Build.Analyzers.InputHandling.Sinks;

/// <summary>SPDF3001: device input in the file name or arguments of a started process (CWE-78).</summary>
internal static class ProcessStartSink
{
    public static readonly DiagnosticDescriptor Rule = SpdfDescriptors.Create(
        DiagnosticIds.UntrustedInputInProcessStart,
        title: "Do not start a process with untrusted input",
        messageFormat: "Untrusted input from {0} reaches a process file name or argument string",
        RuleCategory.InputHandling,
        FalsePositivePolicy.Precise,
        cwe: 78,
        description: "Data read from a port, socket, console, command line or environment must not choose the program a device starts or build its argument string. Map the input to a fixed command through an allow-list, or pass validated values through ProcessStartInfo.ArgumentList.");

    public static readonly TaintSinkDefinition Definition = new(
        Rule,
        TaintFlags.ProcessStart,
        "a process file name or argument string",
        SinkMember.Methods("System.Diagnostics.Process", new[] { "Start" }, "fileName", "arguments", "userName", "domain"),
        SinkMember.Constructor("System.Diagnostics.ProcessStartInfo", "fileName", "arguments"),
        SinkMember.Properties("System.Diagnostics.ProcessStartInfo", "FileName", "Arguments", "WorkingDirectory"));
}
