using System;
using System.IO;
using System.IO.Compression;
using System.IO.Ports;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;
using static System.IO.File;

namespace Corpus.Cwe22
{
    // CASE: id=22-b01, cwe=22, expect=BAD, form=File.ReadAllText(Path.Combine(root, serial line))
    public class B01 { public string Run(SerialPort p) => File.ReadAllText(Path.Combine("/var/pump", p.ReadLine())); }

    // CASE: id=22-b02, cwe=22, expect=BAD, form=using static File, WriteAllBytes(console path)
    public class B02 { public void Run(byte[] d) { var path = Console.ReadLine(); WriteAllBytes(path, d); } }

    // CASE: id=22-b03, cwe=22, expect=BAD, form=new FileStream(args[0])
    public static class B03 { public static void Main(string[] args) { using var fs = new FileStream(args[0], FileMode.Open); } }

    // CASE: id=22-b04, cwe=22, expect=BAD, form=socket text into File.Delete
    public class B04 { public void Run(Socket s) { var b = new byte[260]; var n = s.Receive(b); File.Delete("/data/" + Encoding.UTF8.GetString(b, 0, n)); } }

    // CASE: id=22-b05, cwe=22, expect=BAD, form=controller action parameter into PhysicalFile path
    public class B05Controller : Controller { public IActionResult Download(string name) { var bytes = System.IO.File.ReadAllBytes(Path.Combine("/srv/reports", name)); return File(bytes, "application/pdf"); } }

    // CASE: id=22-b06, cwe=22, expect=BAD, form=Request.Query into StreamReader path
    public class B06Controller : ControllerBase { [HttpGet] public IActionResult Get() { string f = Request.Query["file"]; using var r = new StreamReader(f); return Ok(r.ReadToEnd()); } }

    // CASE: id=22-b07, cwe=22, expect=BAD, form=zip slip ExtractToFile(Path.Combine(dest, entry.FullName))
    public class B07 { public void Run(ZipArchive zip, string dest) { foreach (var e in zip.Entries) { e.ExtractToFile(Path.Combine(dest, e.FullName), true); } } }

    // CASE: id=22-b08, cwe=22, expect=BAD, form=zip entry name File.Create in async method
    public class B08 { public async Task Run(ZipArchive zip, string dest) { foreach (var entry in zip.Entries) { var target = Path.Combine(dest, entry.FullName); await using var o = File.Create(target); await using var i = entry.Open(); await i.CopyToAsync(o); } } }

    // CASE: id=22-b09, cwe=22, expect=BAD, form=env var into Directory.CreateDirectory and File.OpenWrite
    public class B09 { public Stream Run() { var dir = Environment.GetEnvironmentVariable("EXPORT_DIR"); Directory.CreateDirectory(dir); return File.OpenWrite(Path.Combine(dir, "export.csv")); } }

    // CASE: id=22-b10, cwe=22, expect=BAD, form=TcpClient stream ReadLine into FileInfo
    public class B10 { public long Run(TcpClient t) { var r = new StreamReader(t.GetStream()); var fi = new FileInfo(r.ReadLine()); return fi.Length; } }

    // CASE: id=22-g01, cwe=22, expect=GOOD, form=Path.GetFileName of serial input combined with root
    public class G01 { public string Run(SerialPort p) => File.ReadAllText(Path.Combine("/var/pump", Path.GetFileName(p.ReadLine()))); }

    // CASE: id=22-g02, cwe=22, expect=GOOD, form=GetFullPath + StartsWith root guard
    public class G02 { private const string Root = "/var/pump/"; public string Run() { var full = Path.GetFullPath(Path.Combine(Root, Console.ReadLine())); if (!full.StartsWith(Root, StringComparison.Ordinal)) throw new UnauthorizedAccessException(); return File.ReadAllText(full); } }

    // CASE: id=22-g03, cwe=22, expect=GOOD, form=zip entry with canonical prefix check
    public class G03 { public void Run(ZipArchive zip, string dest) { var root = Path.GetFullPath(dest) + Path.DirectorySeparatorChar; foreach (var e in zip.Entries) { var full = Path.GetFullPath(Path.Combine(root, e.FullName)); if (!full.StartsWith(root, StringComparison.Ordinal)) throw new IOException("zip slip"); e.ExtractToFile(full, false); } } }

    // CASE: id=22-g04, cwe=22, expect=GOOD, form=constant path
    public class G04 { public string Run() => File.ReadAllText("/etc/pump/config.json"); }

    // CASE: id=22-g05, cwe=22, expect=GOOD, form=controller int id to file name
    public class G05Controller : Controller { public IActionResult Download(int id) { var bytes = System.IO.File.ReadAllBytes(Path.Combine("/srv/reports", id + ".pdf")); return File(bytes, "application/pdf"); } }

    // CASE: id=22-g06, cwe=22, expect=GOOD, form=Path.GetFileName of zip entry name
    public class G06 { public void Run(ZipArchive zip, string dest) { foreach (var e in zip.Entries) { e.ExtractToFile(Path.Combine(dest, Path.GetFileName(e.FullName)), false); } } }

    // CASE: id=22-g07, cwe=22, expect=GOOD, form=allow-list equality on console file choice
    public class G07 { public string Run() { var f = Console.ReadLine(); if (f == "today.log" || f == "yesterday.log") return File.ReadAllText(Path.Combine("/logs", f)); return ""; } }
}
