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
            public interface ILogger { System.IDisposable? BeginScope<TState>(TState state) where TState : notnull; }
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

    /// <summary>The ASP.NET Core model-binding, Razor Pages and minimal-API surface, with the real full names.</summary>
    public const string AspNetCore = """
        namespace Microsoft.AspNetCore.Mvc
        {
            public interface IActionResult { }
            public abstract class ControllerBase
            {
                public IActionResult Ok() => null!;
                public IActionResult Ok(object? value) => null!;
                public IActionResult BadRequest() => null!;
                public IActionResult BadRequest(object? error) => null!;
                public IActionResult Content(string content) => null!;
                public IActionResult StatusCode(int statusCode, object? value) => null!;
                public IActionResult Problem(string? detail = null, string? instance = null, int? statusCode = null, string? title = null, string? type = null) => null!;
            }
            public abstract class Controller : ControllerBase
            {
                [NonAction] public virtual void OnActionExecuting(Microsoft.AspNetCore.Mvc.Filters.ActionExecutingContext context) { }
            }
            [System.AttributeUsage(System.AttributeTargets.Class | System.AttributeTargets.Assembly)] public sealed class ApiControllerAttribute : System.Attribute { }
            [System.AttributeUsage(System.AttributeTargets.Class)] public sealed class ControllerAttribute : System.Attribute { }
            [System.AttributeUsage(System.AttributeTargets.Class)] public sealed class NonControllerAttribute : System.Attribute { }
            [System.AttributeUsage(System.AttributeTargets.Method)] public sealed class NonActionAttribute : System.Attribute { }
            [System.AttributeUsage(System.AttributeTargets.Parameter | System.AttributeTargets.Property)] public sealed class FromRouteAttribute : System.Attribute { public string? Name { get; set; } }
            [System.AttributeUsage(System.AttributeTargets.Parameter | System.AttributeTargets.Property)] public sealed class FromQueryAttribute : System.Attribute { public string? Name { get; set; } }
            [System.AttributeUsage(System.AttributeTargets.Parameter | System.AttributeTargets.Property)] public sealed class FromBodyAttribute : System.Attribute { }
            [System.AttributeUsage(System.AttributeTargets.Parameter | System.AttributeTargets.Property)] public sealed class FromFormAttribute : System.Attribute { public string? Name { get; set; } }
            [System.AttributeUsage(System.AttributeTargets.Parameter | System.AttributeTargets.Property)] public sealed class FromHeaderAttribute : System.Attribute { public string? Name { get; set; } }
            [System.AttributeUsage(System.AttributeTargets.Parameter | System.AttributeTargets.Property)] public sealed class FromServicesAttribute : System.Attribute { }
            [System.AttributeUsage(System.AttributeTargets.Property | System.AttributeTargets.Parameter)] public sealed class BindPropertyAttribute : System.Attribute { public bool SupportsGet { get; set; } }
            [System.AttributeUsage(System.AttributeTargets.Class)] public sealed class BindPropertiesAttribute : System.Attribute { }
        }
        namespace Microsoft.AspNetCore.Mvc.Filters
        {
            public class ActionExecutingContext { public string ActionName { get; set; } = ""; }
        }
        namespace Microsoft.AspNetCore.Mvc.RazorPages
        {
            public abstract class PageModel
            {
                public Microsoft.AspNetCore.Mvc.IActionResult Page() => null!;
                public Microsoft.AspNetCore.Mvc.IActionResult Content(string content) => null!;
            }
        }
        namespace Microsoft.AspNetCore.Http
        {
            public abstract class HttpContext { public abstract string TraceIdentifier { get; set; } }
            public interface IFormFile
            {
                string ContentType { get; }
                string FileName { get; }
                string Name { get; }
                long Length { get; }
                System.IO.Stream OpenReadStream();
            }
            public interface IResult { }
            public static class Results
            {
                public static IResult Problem(string? detail = null, string? instance = null, int? statusCode = null, string? title = null, string? type = null) => null!;
                public static IResult Text(string? content, string? contentType = null) => null!;
                public static IResult Ok(object? value = null) => null!;
            }
        }
        namespace Microsoft.AspNetCore.Routing
        {
            public interface IEndpointRouteBuilder { }
        }
        namespace Microsoft.AspNetCore.Builder
        {
            public sealed class WebApplication : Microsoft.AspNetCore.Routing.IEndpointRouteBuilder
            {
                public static WebApplication Create(string[]? args = null) => new WebApplication();
                public void Run() { }
            }
            public sealed class RouteHandlerBuilder { }
            public static class EndpointRouteBuilderExtensions
            {
                public static RouteHandlerBuilder MapGet(this Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints, string pattern, System.Delegate handler) => null!;
                public static RouteHandlerBuilder MapPost(this Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints, string pattern, System.Delegate handler) => null!;
                public static RouteHandlerBuilder MapPut(this Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints, string pattern, System.Delegate handler) => null!;
                public static RouteHandlerBuilder MapDelete(this Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints, string pattern, System.Delegate handler) => null!;
                public static RouteHandlerBuilder Map(this Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints, string pattern, System.Delegate handler) => null!;
            }
        }
        """;

    public const string All = SerialPort + "\n" + Logging + "\n" + Ldap + "\n" + Markers;
}
