using Microsoft.CodeAnalysis;
using Spdf.Build.Analyzers.Infrastructure;

namespace Spdf.Build.Analyzers.InputHandling.Sinks;

/// <summary>SPDF3008: device input used as a log message template (CWE-117).</summary>
internal static class LogTemplateSink
{
    public static readonly DiagnosticDescriptor Rule = SpdfDescriptors.Create(
        DiagnosticIds.UntrustedInputInLogTemplate,
        title: "Do not use untrusted input as a log message template",
        messageFormat: "Untrusted input from {0} reaches a log message template",
        RuleCategory.InputHandling,
        FalsePositivePolicy.Precise,
        cwe: 117,
        description: "A template written by a peer can forge log entries (line breaks), break structured logging and, with placeholders, throw. Keep the template constant and pass the input as an argument: logger.LogInformation(\"Command {Command}\", input).");

    public static readonly TaintSinkDefinition Definition = new(
        Rule,
        TaintFlags.LogTemplate,
        "a log message template",
        SinkMember.Methods("Microsoft.Extensions.Logging.LoggerExtensions", new[] { "Log", "LogTrace", "LogDebug", "LogInformation", "LogWarning", "LogError", "LogCritical", "BeginScope" }, "message", "messageFormat"),
        SinkMember.AnyMethod("Microsoft.Extensions.Logging.LoggerMessage", "formatString"),
        // log.BeginScope("Session " + id) binds to ILogger.BeginScope<string>(state), not to the template extension.
        SinkMember.MethodsOfDerived("Microsoft.Extensions.Logging.ILogger", new[] { "BeginScope" }, "state"),
        SinkMember.MethodsOfDerived("Serilog.ILogger", new[] { "Write", "Verbose", "Debug", "Information", "Warning", "Error", "Fatal" }, "messageTemplate"),
        SinkMember.AnyMethod("Serilog.Log", "messageTemplate"),
        SinkMember.MethodsOfDerived("NLog.ILoggerBase", new[] { "Log", "Trace", "Debug", "Info", "Warn", "Error", "Fatal" }, "message"),
        SinkMember.MethodsOfDerived("log4net.ILog", new[] { "DebugFormat", "InfoFormat", "WarnFormat", "ErrorFormat", "FatalFormat" }, "format"));
}
