namespace Spdf.Build.Analyzers.Tests.InputHandling;

/// <summary>
/// Minimal declarations of the device, logging and LDAP APIs the .NET 8 reference assemblies lack, in their real
/// namespaces with their real member and parameter names, and of the Spdf.Build markers the generator adds.
/// </summary>
internal static class StandIns
{
    public const string SerialPort = """
        namespace System.IO.Ports
        {
            public class SerialPort : System.IDisposable
            {
                public SerialPort(string portName) { }
                public string ReadLine() => "";
                public string ReadExisting() => "";
                public string ReadTo(string value) => "";
                public int Read(byte[] buffer, int offset, int count) => 0;
                public System.IO.Stream BaseStream => null!;
                public void Write(string text) { }
                public void WriteLine(string text) { }
                public event SerialDataReceivedEventHandler? DataReceived;
                public void Dispose() { }
            }
            public delegate void SerialDataReceivedEventHandler(object sender, SerialDataReceivedEventArgs e);
            public class SerialDataReceivedEventArgs : System.EventArgs { }
        }
        """;

    public const string Logging = """
        namespace Microsoft.Extensions.Logging
        {
            public interface ILogger { }
            public static class LoggerExtensions
            {
                public static void LogInformation(this ILogger logger, string? message, params object?[] args) { }
                public static void LogWarning(this ILogger logger, string? message, params object?[] args) { }
                public static void LogError(this ILogger logger, System.Exception? exception, string? message, params object?[] args) { }
                public static System.IDisposable? BeginScope(this ILogger logger, string messageFormat, params object?[] args) => null;
            }
        }
        """;

    public const string Ldap = """
        namespace System.DirectoryServices
        {
            public class DirectorySearcher
            {
                public DirectorySearcher(string filter) { }
                public string Filter { get; set; } = "";
            }
        }
        """;

    public const string Markers = """
        namespace Spdf.Build
        {
            [System.AttributeUsage(System.AttributeTargets.All)]
            internal sealed class UntrustedInputAttribute : System.Attribute { }
            [System.AttributeUsage(System.AttributeTargets.All)]
            internal sealed class PhiAttribute : System.Attribute { }
            [System.AttributeUsage(System.AttributeTargets.All)]
            internal sealed class SensitiveAttribute : System.Attribute { }
        }
        """;

    public const string All = SerialPort + "\n" + Logging + "\n" + Ldap + "\n" + Markers;
}
