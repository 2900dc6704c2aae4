using System;
using System.Diagnostics;
using System.IO;
using System.IO.Ports;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Cwe78
{
    // CASE: id=78-b01, cwe=78, expect=BAD, form=Process.Start(SerialPort.ReadLine())
    public class B01 { public void Run(SerialPort port) { var cmd = port.ReadLine(); Process.Start(cmd); } }

    // CASE: id=78-b02, cwe=78, expect=BAD, form=ProcessStartInfo Arguments from Console.ReadLine via interpolation
    public class B02 { public void Run() { var name = Console.ReadLine(); var psi = new ProcessStartInfo("/bin/sh") { Arguments = $"-c \"ls {name}\"" }; Process.Start(psi); } }

    // CASE: id=78-b03, cwe=78, expect=BAD, form=Main args[0] into Process.Start(file, args)
    public static class B03 { public static void Main(string[] args) { Process.Start("cmd.exe", "/c " + args[0]); } }

    // CASE: id=78-b04, cwe=78, expect=BAD, form=socket Receive buffer decoded into FileName
    public class B04 { public void Run(Socket s) { var buf = new byte[256]; int n = s.Receive(buf); var psi = new ProcessStartInfo(); psi.FileName = Encoding.ASCII.GetString(buf, 0, n); Process.Start(psi); } }

    // CASE: id=78-b05, cwe=78, expect=BAD, form=env var into Process.Start in async method
    public class B05 { public async Task Run() { await Task.Yield(); var tool = Environment.GetEnvironmentVariable("DIAG_TOOL"); using var p = Process.Start(tool, "--run"); } }

    // CASE: id=78-b06, cwe=78, expect=BAD, form=TcpClient StreamReader line in nested lambda
    public class B06 { public Action<TcpClient> Handle = client => { var reader = new StreamReader(client.GetStream()); Action exec = () => Process.Start("/usr/bin/diag", reader.ReadLine()); exec(); }; }

    // CASE: id=78-b07, cwe=78, expect=BAD, form=ASP.NET Core controller action parameter into Process.Start
    public class B07Controller : Controller { public IActionResult Run(string command) { Process.Start("/bin/sh", "-c " + command); return Ok(); } }

    // CASE: id=78-b08, cwe=78, expect=BAD, form=ASP.NET Core Request.Query into ProcessStartInfo
    public class B08Controller : ControllerBase { [HttpGet] public IActionResult Run() { string host = Request.Query["host"]; Process.Start(new ProcessStartInfo("ping", host)); return Ok(); } }

    // CASE: id=78-b09, cwe=78, expect=BAD, form=SerialPort.ReadExisting in DataReceived handler
    public class B09 { public void Attach(SerialPort port) { port.DataReceived += (s, e) => { var text = ((SerialPort)s).ReadExisting(); Process.Start("sh", "-c " + text); }; } }

    // CASE: id=78-b10, cwe=78, expect=BAD, form=Environment.GetCommandLineArgs StringBuilder arguments
    public class B10 { public void Run() { var sb = new StringBuilder("-c "); sb.Append(Environment.GetCommandLineArgs()[1]); Process.Start("bash", sb.ToString()); } }

    // CASE: id=78-g01, cwe=78, expect=GOOD, form=constant command
    public class G01 { public void Run() { Process.Start("/usr/bin/systemctl", "restart pump-service"); } }

    // CASE: id=78-g02, cwe=78, expect=GOOD, form=serial input parsed as int
    public class G02 { public void Run(SerialPort port) { int level = int.Parse(port.ReadLine()); Process.Start("/usr/bin/setlevel", level.ToString()); } }

    // CASE: id=78-g03, cwe=78, expect=GOOD, form=allow-list switch on console input
    public class G03 { public void Run() { var c = Console.ReadLine(); switch (c) { case "reboot": case "status": Process.Start("/usr/bin/devctl", c); break; } } }

    // CASE: id=78-g04, cwe=78, expect=GOOD, form=ArgumentList with constant file and equality guard
    public class G04 { public void Run(string[] args) { if (args.Length > 0 && args[0] == "--selftest") { Process.Start("/usr/bin/selftest"); } } }

    // CASE: id=78-g05, cwe=78, expect=GOOD, form=controller action with int id
    public class G05Controller : Controller { public IActionResult Run(int id) { Process.Start("/usr/bin/report", id.ToString()); return Ok(); } }

    // CASE: id=78-g06, cwe=78, expect=GOOD, form=HashSet allow-list guard
    public class G06 { private static readonly System.Collections.Generic.HashSet<string> Allowed = new() { "status", "version" }; public void Run(SerialPort p) { var c = p.ReadLine(); if (!Allowed.Contains(c)) return; Process.Start("/usr/bin/devctl", c); } }
}
