using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Verify = Spdf.Build.Analyzers.Tests.Infrastructure.Verifier<Spdf.Build.Analyzers.InputHandling.UntrustedInputAnalyzer>;

namespace Spdf.Build.Analyzers.Tests.InputHandling;

/// <summary>ASP.NET Core model binding as a source: controller actions, [From*], bound models, Razor Pages, IFormFile, minimal APIs.</summary>
public sealed class AspNetCoreModelBindingTests
{
    private const string Body = "$BODY$";

    private static readonly Dictionary<string, string> Sources = new()
    {
        ["ControllerBase action"] = """
            public class DoseController : ControllerBase
            {
                public IActionResult Get(string drug)
                {
                    var input = drug;
                    $BODY$
                    return Ok();
                }
            }
            """,
        ["Controller subclass, async action"] = """
            public abstract class PumpControllerBase : Controller { }
            public class TherapyController : PumpControllerBase
            {
                public async Task<IActionResult> Run(int step, string profile)
                {
                    await Task.Yield();
                    var input = profile.Trim();
                    $BODY$
                    return Ok();
                }
            }
            """,
        ["[ApiController] class"] = """
            [ApiController]
            public class Alarms
            {
                public void Acknowledge(string alarm, CancellationToken cancellation)
                {
                    var input = "alarm-" + alarm;
                    $BODY$
                }
            }
            """,
        ["[FromQuery] outside a controller"] = """
            public class ExportEndpoint
            {
                internal void Handle([FromQuery(Name = "f")] string file)
                {
                    var input = file;
                    $BODY$
                }
            }
            """,
        ["[FromHeader] outside a controller"] = """
            public static class HeaderEndpoint
            {
                public static void Handle([FromHeader] string tool)
                {
                    var input = tool;
                    $BODY$
                }
            }
            """,
        ["[FromBody] model property"] = """
            public class DoseRequest { public string Drug { get; set; } = ""; public int Rate { get; set; } }
            public class DosesController : ControllerBase
            {
                public IActionResult Post([FromBody] DoseRequest request)
                {
                    var input = request.Drug;
                    $BODY$
                    return Ok();
                }
            }
            """,
        ["implicitly bound model property"] = """
            public class Filter { public string? Text { get; set; } }
            [Controller]
            public class SearchPoco
            {
                public void Find(Filter filter)
                {
                    var input = filter.Text!;
                    $BODY$
                }
            }
            """,
        ["PageModel handler"] = """
            public class ExportModel : PageModel
            {
                public async Task<IActionResult> OnGetAsync(string name)
                {
                    await Task.Yield();
                    var input = name;
                    $BODY$
                    return Page();
                }
            }
            """,
        ["PageModel [BindProperty]"] = """
            public class EditModel : PageModel
            {
                [BindProperty] public string Code { get; set; } = "";
                public void OnPost()
                {
                    var input = Code;
                    $BODY$
                }
            }
            """,
        ["[BindProperties] page"] = """
            [BindProperties]
            public class ImportModel : PageModel
            {
                public string Folder { get; set; } = "";
                public void OnPostImport()
                {
                    var input = this.Folder;
                    $BODY$
                }
            }
            """,
        ["IFormFile.FileName"] = """
            public static class Uploads
            {
                public static void Save(IFormFile upload)
                {
                    var input = upload.FileName;
                    $BODY$
                }
            }
            """,
        ["IEnumerable<string> action parameter"] = """
            public class BatchController : ControllerBase
            {
                public IActionResult Post(IEnumerable<string> names)
                {
                    var input = string.Join(",", names);
                    $BODY$
                    return Ok();
                }
            }
            """,
        ["minimal API MapGet string"] = """
            public static class Api
            {
                public static void Configure(WebApplication app)
                {
                    app.MapGet("/report/{name}", (string name, HttpContext context) =>
                    {
                        var input = name;
                        $BODY$
                        return "ok";
                    });
                }
            }
            """,
        ["minimal API MapPost [FromForm]"] = """
            public static class Api
            {
                public static void Configure(WebApplication app)
                {
                    app.MapPost("/import", ([FromForm] string source, CancellationToken cancellation) =>
                    {
                        var input = source;
                        $BODY$
                    });
                }
            }
            """,
    };

    private static readonly Dictionary<string, string> Sinks = new()
    {
        ["SPDF3001"] = "Process.Start({|SPDF3001:input|});",
        ["SPDF3002"] = "Infra.Command.CommandText = {|SPDF3002:\"SELECT * FROM Doses WHERE Drug = '\" + input + \"'\"|};",
        ["SPDF3003"] = "File.ReadAllText({|SPDF3003:input|});",
        ["SPDF3004"] = "Infra.Document.SelectNodes({|SPDF3004:$\"//drug[@code='{input}']\"|});",
        ["SPDF3005"] = "_ = new DirectorySearcher({|SPDF3005:\"(cn=\" + input + \")\"|});",
        ["SPDF3006"] = "_ = new Regex({|SPDF3006:input|});",
        ["SPDF3007"] = "Type.GetType({|SPDF3007:input|});",
        ["SPDF3008"] = "Infra.Logger.LogInformation({|SPDF3008:input|});",
    };

    public static IEnumerable<object[]> Pairs()
        => from source in Sources.Keys from sink in Sinks.Keys select new object[] { source, sink };

    public static IEnumerable<object[]> SourceNames() => Sources.Keys.Select(k => new object[] { k });

    [Theory]
    [MemberData(nameof(Pairs))]
    public Task Request_data_reaching_a_sink_is_reported(string source, string sink)
        => Verify.VerifyAnalyzerAsync(Web(Sources[source].Replace(Body, Sinks[sink], System.StringComparison.Ordinal)));

    [Theory]
    [MemberData(nameof(SourceNames))]
    public Task Request_data_checked_against_an_allow_list_is_not_reported(string source)
        => Verify.VerifyAnalyzerAsync(Web(Sources[source].Replace(
            Body,
            "if (!Infra.Known.Contains(input)) throw new ArgumentException(); Process.Start(input); File.ReadAllText(Path.GetFileName(input));",
            System.StringComparison.Ordinal)));

    [Fact]
    public Task Numeric_and_framework_parameters_are_not_sources()
        => Verify.VerifyAnalyzerAsync(Web("""
            public class DeviceController : ControllerBase
            {
                public IActionResult Get(int id, Guid device, DateTime since, CancellationToken cancellation, HttpContext context, [FromServices] IProfileStore store, IProfileStore inferred)
                {
                    File.ReadAllText(inferred.Folder);
                    Process.Start(id.ToString());
                    File.ReadAllText("/var/pump/" + device + ".json");
                    Type.GetType("Pump." + since.ToString("yyyy"));
                    Infra.Logger.LogInformation(context.TraceIdentifier);
                    File.ReadAllText(store.Folder);
                    return Ok();
                }
            }
            public interface IProfileStore { string Folder { get; } }
            """));

    [Fact]
    public Task Non_action_methods_and_ordinary_classes_are_not_sources()
        => Verify.VerifyAnalyzerAsync(Web("""
            public class ReportController : ControllerBase
            {
                [NonAction] public void Export(string file) => File.ReadAllText(file);
                private void Load(string file) => File.ReadAllText(file);
                public static void Run(string tool) => Process.Start(tool);
            }
            public class AuditController : Controller
            {
                public override void OnActionExecuting(Microsoft.AspNetCore.Mvc.Filters.ActionExecutingContext context)
                    => File.ReadAllText("/var/pump/audit/" + context.ActionName);
            }
            [NonController]
            public class ToolController : ControllerBase
            {
                public void Run(string tool) => Process.Start(tool);
            }
            public class ReportService
            {
                public void Export(string file) => File.ReadAllText(file);
            }
            public class ExportModel : PageModel
            {
                public string Folder { get; set; } = "";
                public void Helper(string file) => File.ReadAllText(file);
                public void OnGet() => File.ReadAllText(Folder);
            }
            public static class Api
            {
                public static void Configure(WebApplication app)
                {
                    Func<string, string> local = s => File.ReadAllText(s);
                    app.MapGet("/a", (int count, HttpContext context) => File.ReadAllText(count + context.TraceIdentifier));
                }
            }
            """));

    [Fact]
    public Task Numeric_properties_of_a_bound_model_are_not_tainted_but_text_properties_are()
        => Verify.VerifyAnalyzerAsync(Web("""
            public class DoseRequest { public string Drug { get; set; } = ""; public int Rate { get; set; } public Guid Pump { get; set; } }
            public class DosesController : ControllerBase
            {
                public IActionResult Post([FromBody] DoseRequest request)
                {
                    Process.Start("/opt/pump/rate " + request.Rate + " " + request.Pump);
                    Process.Start({|SPDF3001:"/opt/pump/drug " + request.Drug|});
                    return Ok();
                }
            }
            """));

    [Fact]
    public Task Uploaded_file_names_are_sources_and_GetFileName_sanitizes_them_for_paths()
        => Verify.VerifyAnalyzerAsync(Web("""
            public class UploadController : ControllerBase
            {
                public IActionResult Upload(IFormFile file)
                {
                    using var target = File.Create(Path.Combine("/var/pump/uploads", Path.GetFileName(file.FileName)));
                    File.Delete({|SPDF3003:Path.Combine("/var/pump/uploads", file.FileName)|});
                    Infra.Logger.LogInformation({|SPDF3008:"Upload of type " + file.ContentType|});
                    return Ok();
                }
            }
            """));

    internal static string Web(string code) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Data.Common;
        using System.Diagnostics;
        using System.DirectoryServices;
        using System.IO;
        using System.Text.RegularExpressions;
        using System.Threading;
        using System.Threading.Tasks;
        using System.Xml;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Mvc.RazorPages;
        using Microsoft.Extensions.Logging;

        {{code}}

        static class Infra
        {
            public static DbCommand Command = null!;
            public static XmlDocument Document = new XmlDocument();
            public static ILogger Logger = null!;
            public static readonly HashSet<string> Known = new() { "insulin", "heparin" };
        }

        {{StandIns.All}}
        {{StandIns.AspNetCore}}
        """;
}
