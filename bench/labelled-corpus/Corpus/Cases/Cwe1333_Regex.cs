using System;
using System.IO;
using System.IO.Ports;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Cwe1333
{
    // CASE: id=1333-b01, cwe=1333, expect=BAD, form=new Regex(serial pattern)
    public class B01 { public bool Run(SerialPort p, string text) => new Regex(p.ReadLine()).IsMatch(text); }

    // CASE: id=1333-b02, cwe=1333, expect=BAD, form=Regex.IsMatch(console input as pattern)
    public class B02 { public bool Run(string text) { var pattern = Console.ReadLine(); return Regex.IsMatch(text, pattern); } }

    // CASE: id=1333-b03, cwe=1333, expect=BAD, form=controller parameter as pattern
    public class B03Controller : Controller { public IActionResult Search(string pattern, string text) => Ok(Regex.Match(text, pattern).Success); }

    // CASE: id=1333-b04, cwe=1333, expect=BAD, form=catastrophic pattern over socket input without timeout
    public class B04 { public bool Run(Socket s) { var b = new byte[1024]; var n = s.Receive(b); var msg = Encoding.ASCII.GetString(b, 0, n); return Regex.IsMatch(msg, "^(a+)+$"); } }

    // CASE: id=1333-b05, cwe=1333, expect=BAD, form=Regex.Replace with pattern from args
    public static class B05 { public static void Main(string[] args) { Console.WriteLine(Regex.Replace("text", args[0], "")); } }

    // CASE: id=1333-b06, cwe=1333, expect=BAD, form=Request.Query pattern new Regex with options
    public class B06Controller : ControllerBase { [HttpGet] public IActionResult Get() { string p = Request.Query["p"]; var r = new Regex(p, RegexOptions.IgnoreCase); return Ok(r.IsMatch("x")); } }

    // CASE: id=1333-b07, cwe=1333, expect=BAD, form=nested-quantifier regex on TcpClient line no timeout
    public class B07 { public bool Run(TcpClient t) { var line = new StreamReader(t.GetStream()).ReadLine(); return new Regex(@"^(\w+\s?)*$").IsMatch(line); } }

    // CASE: id=1333-g01, cwe=1333, expect=GOOD, form=Regex.Escape of serial input
    public class G01 { public bool Run(SerialPort p, string text) => Regex.IsMatch(text, Regex.Escape(p.ReadLine()), RegexOptions.None, TimeSpan.FromMilliseconds(100)); }

    // CASE: id=1333-g02, cwe=1333, expect=GOOD, form=constant pattern with timeout over socket input
    public class G02 { public bool Run(Socket s) { var b = new byte[256]; var n = s.Receive(b); return Regex.IsMatch(Encoding.ASCII.GetString(b, 0, n), "^[A-Z]{3}[0-9]{4}$", RegexOptions.None, TimeSpan.FromMilliseconds(50)); } }

    // CASE: id=1333-g03, cwe=1333, expect=GOOD, form=NonBacktracking with input pattern
    public class G03 { public bool Run(string text) => new Regex(Regex.Escape(Console.ReadLine()), RegexOptions.NonBacktracking).IsMatch(text); }

    // CASE: id=1333-g04, cwe=1333, expect=GOOD, form=constant simple pattern on constant text
    public class G04 { public bool Run() => Regex.IsMatch("PUMP-01", "^PUMP-[0-9]{2}$"); }

    // CASE: id=1333-g05, cwe=1333, expect=GOOD, form=GeneratedRegex-style static field with timeout on input
    public class G05 { private static readonly Regex Serial = new Regex("^[0-9A-F]{12}$", RegexOptions.Compiled, TimeSpan.FromMilliseconds(20)); public bool Run() => Serial.IsMatch(Console.ReadLine()); }
}
