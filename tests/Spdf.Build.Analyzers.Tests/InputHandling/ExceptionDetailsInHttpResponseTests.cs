using System.Threading.Tasks;
using Verify = Spdf.Build.Analyzers.Tests.Infrastructure.Verifier<Spdf.Build.Analyzers.InputHandling.UntrustedInputAnalyzer>;

namespace Spdf.Build.Analyzers.Tests.InputHandling;

/// <summary>SPDF3016 for ASP.NET Core: exception details returned to the client as a result body.</summary>
public sealed class ExceptionDetailsInHttpResponseTests
{
    [Fact]
    public Task Exception_details_in_controller_page_and_endpoint_results_are_reported()
        => Verify.VerifyAnalyzerAsync(AspNetCoreModelBindingTests.Web("""
            public class TherapyController : ControllerBase
            {
                public IActionResult Start(string profile)
                {
                    try
                    {
                        Process.Start("/opt/pump/start");
                        return Ok();
                    }
                    catch (InvalidOperationException ex)
                    {
                        return Content({|SPDF3016:ex.StackTrace|}!);
                    }
                    catch (Exception ex)
                    {
                        var detail = "failed: " + ex;
                        if (profile.Length > 3)
                            return BadRequest({|SPDF3016:ex.ToString()|});
                        if (profile.Length > 2)
                            return StatusCode(500, {|SPDF3016:detail|});
                        return Problem(detail: {|SPDF3016:ex.Message|});
                    }
                }
            }

            public class StatusPage : PageModel
            {
                public IActionResult OnGet()
                {
                    try { return Page(); }
                    catch (Exception ex) { return Content({|SPDF3016:$"<pre>{ex}</pre>"|}); }
                }
            }

            static class Endpoints
            {
                public static IResult Reset()
                {
                    try { return Results.Ok(); }
                    catch (Exception ex) { return Results.Problem({|SPDF3016:ex.Message|}); }
                }
            }
            """));

    [Fact]
    public Task Fixed_messages_trace_identifiers_and_logged_exceptions_are_not_reported()
        => Verify.VerifyAnalyzerAsync(AspNetCoreModelBindingTests.Web("""
            public class TherapyController : ControllerBase
            {
                public IActionResult Start(string profile)
                {
                    try
                    {
                        Process.Start("/opt/pump/start");
                        return Ok(new { started = true });
                    }
                    catch (Exception ex)
                    {
                        Infra.Logger.LogError(ex, "Start failed");
                        if (profile.Length > 3)
                            return BadRequest("Therapy could not start (E17).");
                        return Problem(detail: "Therapy could not start.", statusCode: 500, title: ex.GetType().Name.Length.ToString());
                    }
                }
            }

            static class Endpoints
            {
                public static IResult Reset(string requestId)
                {
                    try { return Results.Ok(); }
                    catch (Exception) { return Results.Text("Reset failed, request " + requestId.Length); }
                }
            }
            """));
}
