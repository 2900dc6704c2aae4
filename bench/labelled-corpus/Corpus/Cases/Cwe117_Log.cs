using System;
using System.IO;
using System.IO.Ports;
using System.Net.Sockets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Corpus.Cwe117
{
    // CASE: id=117-b01, cwe=117, expect=BAD, form=logger.LogInformation(serial line as template)
    public class B01 { public void Run(ILogger log, SerialPort p) { log.LogInformation(p.ReadLine()); } }

    // CASE: id=117-b02, cwe=117, expect=BAD, form=interpolated console input as template
    public class B02 { public void Run(ILogger log) { var u = Console.ReadLine(); log.LogWarning($"Login failed for {u}"); } }

    // CASE: id=117-b03, cwe=117, expect=BAD, form=controller parameter concatenated into LogError
    public class B03Controller : Controller { private readonly ILogger<B03Controller> _log; public B03Controller(ILogger<B03Controller> log) { _log = log; } public IActionResult Login(string user) { _log.LogError("Login failed for " + user); return Ok(); } }

    // CASE: id=117-b04, cwe=117, expect=BAD, form=socket text into log.Log(LogLevel, message)
    public class B04 { public void Run(ILogger log, Socket s) { var b = new byte[128]; var n = s.Receive(b); log.Log(LogLevel.Information, System.Text.Encoding.ASCII.GetString(b, 0, n)); } }

    // CASE: id=117-b05, cwe=117, expect=BAD, form=Request.Headers into LogInformation template
    public class B05Controller : ControllerBase { private readonly ILogger _log; public B05Controller(ILogger log) { _log = log; } [HttpGet] public IActionResult Get() { string ua = Request.Headers["User-Agent"]; _log.LogInformation("UA: " + ua); return Ok(); } }

    // CASE: id=117-b06, cwe=117, expect=BAD, form=TcpClient ReadLine into BeginScope template
    public class B06 { public IDisposable Run(ILogger log, TcpClient t) { var id = new StreamReader(t.GetStream()).ReadLine(); return log.BeginScope("Session " + id); } }

    // CASE: id=117-g01, cwe=117, expect=GOOD, form=structured template with serial value as argument
    public class G01 { public void Run(ILogger log, SerialPort p) { log.LogInformation("Received {Line}", p.ReadLine()); } }

    // CASE: id=117-g02, cwe=117, expect=GOOD, form=constant template
    public class G02 { public void Run(ILogger log) { log.LogInformation("Pump started"); } }

    // CASE: id=117-g03, cwe=117, expect=GOOD, form=controller parameter as structured argument
    public class G03Controller : Controller { private readonly ILogger _log; public G03Controller(ILogger log) { _log = log; } public IActionResult Login(string user) { _log.LogWarning("Login failed for {User}", user); return Ok(); } }

    // CASE: id=117-g04, cwe=117, expect=GOOD, form=int parsed from console in interpolation
    public class G04 { public void Run(ILogger log) { var n = int.Parse(Console.ReadLine()); log.LogInformation($"Rate set to {n}"); } }
}
