using System;
using System.Collections;
using System.Diagnostics;
using System.IO;
using System.IO.Ports;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using System.Data.SqlClient;
using Microsoft.Extensions.Logging;
using Spdf.Build;

// Device-style sources (Spdf.Build's edge): UDP, binary readers over network streams, serial buffers,
// Console.In, environment blocks, user parsers marked [UntrustedInput].
namespace Corpus.Device
{
    // CASE: id=dev-78-b01, cwe=78, expect=BAD, form=UdpClient.Receive datagram decoded into Process.Start
    public class D01 { public void Run(UdpClient udp) { IPEndPoint ep = null; var data = udp.Receive(ref ep); Process.Start("/usr/bin/devctl", Encoding.ASCII.GetString(data)); } }

    // CASE: id=dev-78-b02, cwe=78, expect=BAD, form=UdpClient.ReceiveAsync Buffer in async method
    public class D02 { public async Task Run(UdpClient udp) { var r = await udp.ReceiveAsync(); var text = Encoding.UTF8.GetString(r.Buffer); Process.Start("sh", "-c " + text); } }

    // CASE: id=dev-22-b01, cwe=22, expect=BAD, form=BinaryReader.ReadString over NetworkStream into File.ReadAllBytes
    public class D03 { public byte[] Run(TcpClient t) { var br = new BinaryReader(t.GetStream()); var name = br.ReadString(); return File.ReadAllBytes(Path.Combine("/var/pump/logs", name)); } }

    // CASE: id=dev-22-b02, cwe=22, expect=BAD, form=SerialPort.Read(buffer) decoded into File.WriteAllText
    public class D04 { public void Run(SerialPort p) { var buf = new byte[128]; int n = p.Read(buf, 0, buf.Length); File.WriteAllText(Encoding.ASCII.GetString(buf, 0, n), "x"); } }

    // CASE: id=dev-89-b01, cwe=89, expect=BAD, form=Console.In.ReadLine into SqlCommand via string.Join
    public class D05 { public void Run(SqlConnection c) { var ids = Console.In.ReadLine(); new SqlCommand(string.Join(" ", "DELETE FROM T WHERE Id IN (", ids, ")"), c).ExecuteNonQuery(); } }

    // CASE: id=dev-89-b02, cwe=89, expect=BAD, form=[UntrustedInput] parser return value into SqlCommand
    public class D06 { [return: UntrustedInput] private static string ReadSegment(Stream s) => new StreamReader(s).ReadLine(); public void Run(Stream hl7, SqlConnection c) { var pid = ReadSegment(hl7); new SqlCommand("SELECT * FROM P WHERE Pid = '" + pid + "'", c).ExecuteReader(); } }

    // CASE: id=dev-89-b03, cwe=89, expect=BAD, form=[UntrustedInput] parameter into CommandText
    public class D07 { public void Handle([UntrustedInput] string field, SqlConnection c) { var cmd = c.CreateCommand(); cmd.CommandText = $"SELECT * FROM Obs WHERE Code = '{field}'"; cmd.ExecuteNonQuery(); } }

    // CASE: id=dev-643-b01, cwe=643, expect=BAD, form=socket ReceiveFrom buffer into XPath
    public class D08 { public System.Xml.XmlNode Run(Socket s, System.Xml.XmlDocument d) { var b = new byte[256]; EndPoint ep = new IPEndPoint(IPAddress.Any, 0); var n = s.ReceiveFrom(b, ref ep); return d.SelectSingleNode("//dev[@id='" + Encoding.ASCII.GetString(b, 0, n) + "']"); } }

    // CASE: id=dev-470-b01, cwe=470, expect=BAD, form=Environment.GetEnvironmentVariables entry into Assembly.Load
    public class D09 { public Assembly Run() { var env = Environment.GetEnvironmentVariables(); return Assembly.Load((string)env["PLUGIN"]); } }

    // CASE: id=dev-1333-b01, cwe=1333, expect=BAD, form=SerialPort.ReadTo pattern into Regex.Matches
    public class D10 { public int Run(SerialPort p, string log) => Regex.Matches(log, p.ReadTo("\n")).Count; }

    // CASE: id=dev-117-b01, cwe=117, expect=BAD, form=NetworkStream Read buffer decoded into LogError template
    public class D11 { public void Run(ILogger log, NetworkStream ns) { var b = new byte[64]; var n = ns.Read(b, 0, b.Length); log.LogError("Bad frame: " + Encoding.ASCII.GetString(b, 0, n)); } }

    // CASE: id=dev-78-b03, cwe=78, expect=BAD, form=method group DataReceived handler ReadLine into Process.Start
    public class D12 { public void Attach(SerialPort p) { p.DataReceived += OnData; } private void OnData(object sender, SerialDataReceivedEventArgs e) { var line = ((SerialPort)sender).ReadLine(); Process.Start("/usr/bin/devctl", line); } }

    // CASE: id=dev-22-b03, cwe=22, expect=BAD, form=Console.ReadLine through local function into File.Open
    public class D13 { public Stream Run() { string Ask() => Console.ReadLine(); var path = Ask(); return File.Open(path, FileMode.Open); } }

    // CASE: id=dev-78-g01, cwe=78, expect=GOOD, form=UdpClient datagram checked against constant commands
    public class D14 { public void Run(UdpClient udp) { IPEndPoint ep = null; var c = Encoding.ASCII.GetString(udp.Receive(ref ep)); if (c is "start" or "stop") Process.Start("/usr/bin/devctl", c); } }

    // CASE: id=dev-22-g01, cwe=22, expect=GOOD, form=BinaryReader.ReadInt32 over NetworkStream as file index
    public class D15 { public byte[] Run(TcpClient t) { var br = new BinaryReader(t.GetStream()); var n = br.ReadInt32(); return File.ReadAllBytes(Path.Combine("/var/pump/logs", n + ".log")); } }

    // CASE: id=dev-89-g01, cwe=89, expect=GOOD, form=[UntrustedInput] value passed as SqlParameter
    public class D16 { public void Handle([UntrustedInput] string field, SqlConnection c) { var cmd = new SqlCommand("SELECT * FROM Obs WHERE Code = @c", c); cmd.Parameters.AddWithValue("@c", field); cmd.ExecuteNonQuery(); } }

    // CASE: id=dev-470-g01, cwe=470, expect=GOOD, form=Enum.TryParse + IsDefined of serial input selects a type
    public class D17 { public enum Mode { Basal, Bolus } public object Run(SerialPort p) { if (!Enum.TryParse<Mode>(p.ReadLine(), out var m) || !Enum.IsDefined(m)) return null; return m == Mode.Basal ? Activator.CreateInstance(typeof(object)) : Activator.CreateInstance(typeof(StringBuilder)); } }

    // CASE: id=dev-117-g01, cwe=117, expect=GOOD, form=NetworkStream text as structured log argument
    public class D18 { public void Run(ILogger log, NetworkStream ns) { var b = new byte[64]; var n = ns.Read(b, 0, b.Length); log.LogError("Bad frame: {Frame}", Encoding.ASCII.GetString(b, 0, n)); } }

    // CASE: id=dev-1333-g01, cwe=1333, expect=GOOD, form=constant pattern with timeout over SerialPort line
    public class D19 { private static readonly Regex Frame = new(@"^\$[A-Z]{5},[0-9.]+\*[0-9A-F]{2}$", RegexOptions.None, TimeSpan.FromMilliseconds(10)); public bool Run(SerialPort p) => Frame.IsMatch(p.ReadLine()); }
}

namespace Corpus.Markers
{
    public class Reading { [Phi] public string PatientRef { get; set; } public double Value { get; set; } [Sensitive] public string PairingCode { get; set; } }

    // CASE: id=mark-359-b01, cwe=359, expect=BAD, form=[Phi] property into LogInformation argument
    public class M01 { public void Run(ILogger log, Reading r) { log.LogInformation("Reading for {Ref}", r.PatientRef); } }

    // CASE: id=mark-532-b01, cwe=532, expect=BAD, form=[Sensitive] property into Console.WriteLine
    public class M02 { public void Run(Reading r) { Console.WriteLine("Pairing " + r.PairingCode); } }

    // CASE: id=mark-359-g01, cwe=359, expect=GOOD, form=unmarked Value property logged
    public class M03 { public void Run(ILogger log, Reading r) { log.LogInformation("Value {Value}", r.Value); } }
}
