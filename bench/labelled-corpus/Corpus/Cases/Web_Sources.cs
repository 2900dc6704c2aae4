using System;
using System.Data.SqlClient;
using System.Diagnostics;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using System.Xml;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging;

// Web-style sources (what SecurityCodeScan and NetAnalyzers know): controller action parameters, model-bound
// objects, HttpRequest members, minimal-API handlers, Razor page handlers, middleware.
namespace Corpus.Web
{
    public class SearchModel { public string Name { get; set; } public string File { get; set; } }

    // CASE: id=web-78-b01, cwe=78, expect=BAD, form=[ApiController] [FromRoute] parameter into ProcessStartInfo.Arguments
    [ApiController, Route("diag")] public class W01Controller : ControllerBase { [HttpGet("{host}")] public IActionResult Ping([FromRoute] string host) { var psi = new ProcessStartInfo("ping") { Arguments = "-c 1 " + host }; Process.Start(psi); return Ok(); } }

    // CASE: id=web-78-b02, cwe=78, expect=BAD, form=HttpContext.Request.Query in middleware into Process.Start
    public class W02Middleware { public async Task Invoke(HttpContext ctx, RequestDelegate next) { string tool = ctx.Request.Query["tool"]; Process.Start(tool); await next(ctx); } }

    // CASE: id=web-78-b03, cwe=78, expect=BAD, form=minimal API handler parameter into Process.Start
    public static class W03 { public static void Map(WebApplication app) { app.MapGet("/run", (string cmd) => { Process.Start("/bin/sh", "-c " + cmd); return Results.Ok(); }); } }

    // CASE: id=web-89-b01, cwe=89, expect=BAD, form=[FromBody] model property into SqlCommand text
    public class W04Controller : ControllerBase { [HttpPost] public IActionResult Find([FromBody] SearchModel m) { new SqlCommand("SELECT * FROM P WHERE Name = '" + m.Name + "'").ExecuteReader(); return Ok(); } }

    // CASE: id=web-89-b02, cwe=89, expect=BAD, form=Request.Cookies value into CommandText
    public class W05Controller : Controller { public IActionResult Prefs() { var theme = Request.Cookies["theme"]; var cmd = new SqlCommand(); cmd.CommandText = "UPDATE Prefs SET Theme = '" + theme + "'"; cmd.ExecuteNonQuery(); return Ok(); } }

    // CASE: id=web-89-b03, cwe=89, expect=BAD, form=Razor PageModel OnGet parameter into SqlCommand
    public class W06Page : PageModel { public void OnGet(string ward) { new SqlCommand($"SELECT * FROM Beds WHERE Ward = '{ward}'").ExecuteReader(); } }

    // CASE: id=web-89-b04, cwe=89, expect=BAD, form=async controller action parameter into SqlCommand
    public class W07Controller : Controller { public async Task<IActionResult> Find(string mrn) { var cmd = new SqlCommand("SELECT * FROM Patients WHERE Mrn = '" + mrn + "'"); await cmd.ExecuteNonQueryAsync(); return Ok(); } }

    // CASE: id=web-22-b01, cwe=22, expect=BAD, form=IFormFile.FileName combined into upload path
    public class W08Controller : ControllerBase { [HttpPost] public async Task<IActionResult> Upload(IFormFile file) { var path = Path.Combine("/srv/uploads", file.FileName); await using var s = System.IO.File.Create(path); await file.CopyToAsync(s); return Ok(); } }

    // CASE: id=web-22-b02, cwe=22, expect=BAD, form=model-bound File property into File.ReadAllText
    public class W09Controller : Controller { public IActionResult Show(SearchModel m) => Content(System.IO.File.ReadAllText("/srv/docs/" + m.File)); }

    // CASE: id=web-22-b03, cwe=22, expect=BAD, form=Request.RouteValues into File.Delete
    public class W10Controller : ControllerBase { [HttpDelete] public IActionResult Delete() { var name = Request.RouteValues["name"]?.ToString(); System.IO.File.Delete(Path.Combine("/srv/tmp", name)); return NoContent(); } }

    // CASE: id=web-643-b01, cwe=643, expect=BAD, form=Request.Form into XmlDocument.SelectNodes
    public class W11Controller : Controller { [HttpPost] public IActionResult Find(XmlDocument d) { string n = Request.Form["n"]; return Ok(d.SelectNodes("//u[@n='" + n + "']").Count); } }

    // CASE: id=web-1333-b01, cwe=1333, expect=BAD, form=minimal API query parameter as Regex pattern
    public static class W12 { public static void Map(WebApplication app) { app.MapGet("/grep", ([FromQuery] string p) => Regex.IsMatch("haystack", p)); } }

    // CASE: id=web-470-b01, cwe=470, expect=BAD, form=Request.Query type name into Activator.CreateInstance
    public class W13Controller : ControllerBase { [HttpGet] public IActionResult Make() { string t = Request.Query["type"]; return Ok(Activator.CreateInstance(Type.GetType(t))); } }

    // CASE: id=web-117-b01, cwe=117, expect=BAD, form=Request.Query into interpolated LogWarning template
    public class W14Controller : ControllerBase { private readonly ILogger<W14Controller> _log; public W14Controller(ILogger<W14Controller> log) { _log = log; } [HttpGet] public IActionResult Get() { string u = Request.Query["user"]; _log.LogWarning($"Unknown user {u}"); return Ok(); } }

    // CASE: id=web-209-b01, cwe=209, expect=BAD, form=controller returns BadRequest(ex.ToString())
    public class W15Controller : ControllerBase { [HttpGet] public IActionResult Get() { try { throw new InvalidOperationException(); } catch (Exception ex) { return BadRequest(ex.ToString()); } } }

    // CASE: id=web-209-b02, cwe=209, expect=BAD, form=middleware writes ex.Message to HttpResponse body
    public class W16Middleware { public async Task Invoke(HttpContext ctx, RequestDelegate next) { try { await next(ctx); } catch (Exception ex) { await ctx.Response.WriteAsync("Error: " + ex.Message); } } }

    // CASE: id=web-502-b01, cwe=502, expect=BAD, form=Request.Body into BinaryFormatter.Deserialize
    public class W17Controller : ControllerBase { [HttpPost] public IActionResult Post() { var o = new System.Runtime.Serialization.Formatters.Binary.BinaryFormatter().Deserialize(Request.Body); return Ok(o); } }

    // CASE: id=web-78-g01, cwe=78, expect=GOOD, form=[FromRoute] int into ProcessStartInfo
    [ApiController, Route("g")] public class W18Controller : ControllerBase { [HttpGet("{n}")] public IActionResult Run([FromRoute] int n) { Process.Start(new ProcessStartInfo("/usr/bin/report") { Arguments = n.ToString() }); return Ok(); } }

    // CASE: id=web-89-g01, cwe=89, expect=GOOD, form=[FromBody] model property as SqlParameter
    public class W19Controller : ControllerBase { [HttpPost] public IActionResult Find([FromBody] SearchModel m) { var cmd = new SqlCommand("SELECT * FROM P WHERE Name = @n"); cmd.Parameters.AddWithValue("@n", m.Name); cmd.ExecuteReader(); return Ok(); } }

    // CASE: id=web-22-g01, cwe=22, expect=GOOD, form=IFormFile saved under a random file name
    public class W20Controller : ControllerBase { [HttpPost] public async Task<IActionResult> Upload(IFormFile file) { var path = Path.Combine("/srv/uploads", Guid.NewGuid().ToString("N") + ".bin"); await using var s = System.IO.File.Create(path); await file.CopyToAsync(s); return Ok(); } }

    // CASE: id=web-22-g02, cwe=22, expect=GOOD, form=Path.GetFileName of IFormFile.FileName
    public class W21Controller : ControllerBase { [HttpPost] public IActionResult Upload(IFormFile file) { using var s = System.IO.File.Create(Path.Combine("/srv/uploads", Path.GetFileName(file.FileName))); file.CopyTo(s); return Ok(); } }

    // CASE: id=web-1333-g01, cwe=1333, expect=GOOD, form=Regex.Escape of query value with timeout
    public class W22Controller : ControllerBase { [HttpGet] public IActionResult Grep() { string q = Request.Query["q"]; return Ok(Regex.IsMatch("haystack", Regex.Escape(q), RegexOptions.None, TimeSpan.FromMilliseconds(50))); } }

    // CASE: id=web-117-g01, cwe=117, expect=GOOD, form=Request.Query as structured log argument
    public class W23Controller : ControllerBase { private readonly ILogger _log; public W23Controller(ILogger log) { _log = log; } [HttpGet] public IActionResult Get() { string u = Request.Query["user"]; _log.LogWarning("Unknown user {User}", u); return Ok(); } }

    // CASE: id=web-209-g01, cwe=209, expect=GOOD, form=ProblemDetails with a fixed title
    public class W24Controller : ControllerBase { [HttpGet] public IActionResult Get(ILogger<W24Controller> log) { try { throw new InvalidOperationException(); } catch (Exception ex) { log.LogError(ex, "Get failed"); return Problem(title: "Request failed"); } } }

    // CASE: id=web-470-g01, cwe=470, expect=GOOD, form=Request.Query type name checked against allow-list
    public class W25Controller : ControllerBase { private static readonly string[] Known = { "System.Text.StringBuilder" }; [HttpGet] public IActionResult Make() { string t = Request.Query["type"]; if (Array.IndexOf(Known, t) < 0) return BadRequest(); return Ok(Type.GetType(t)); } }
}
