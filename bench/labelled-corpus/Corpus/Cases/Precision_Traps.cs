using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.IO.Ports;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Data.SqlClient;
using Microsoft.Extensions.Logging;

// GOOD look-alikes that must stay silent (and a few BAD twins), aimed at the name- and pattern-based rules.
namespace Corpus.Traps
{
    // CASE: id=trap-798-g01, cwe=798, expect=GOOD, form=PasswordHashAlgorithm = "PBKDF2" (name says password, value is not one)
    public class T01 { public const string PasswordHashAlgorithm = "PBKDF2-SHA256"; }

    // CASE: id=trap-798-g02, cwe=798, expect=GOOD, form=TokenEndpoint URL constant
    public class T02 { public string TokenEndpoint { get; } = "https://login.example.com/oauth2/token"; }

    // CASE: id=trap-798-g03, cwe=798, expect=GOOD, form=password validation error message
    public class T03 { public string Validate(string password) => password.Length < 12 ? "Password must have at least 12 characters" : null; }

    // CASE: id=trap-798-g04, cwe=798, expect=GOOD, form=secret read from file path constant
    public class T04 { private const string SecretPath = "/run/secrets/db_password"; public string Secret => File.ReadAllText(SecretPath).Trim(); }

    // CASE: id=trap-798-g05, cwe=798, expect=GOOD, form=connection string Password={0} format placeholder
    public class T05 { public string Build(string pw) => string.Format("Server=db;User Id=app;Password={0};", pw); }

    // CASE: id=trap-798-g06, cwe=798, expect=GOOD, form=ApiKeyHeaderName = "X-Api-Key"
    public class T06 { public const string ApiKeyHeaderName = "X-Api-Key"; }

    // CASE: id=trap-798-b01, cwe=798, expect=BAD, form=dictionary initializer ["password"] = literal
    public class T07 { public Dictionary<string, string> Settings { get; } = new() { ["user"] = "svc", ["password"] = "Spring2024!" }; }

    // CASE: id=trap-208-g01, cwe=208, expect=GOOD, form=hash == cached hash of public file (integrity, not secret)
    public class T08 { public bool Changed(byte[] fileHash, byte[] cachedHash) => !CryptographicOperations.FixedTimeEquals(fileHash, cachedHash); }

    // CASE: id=trap-208-g02, cwe=208, expect=GOOD, form=token.Length == 0 and token.StartsWith("Bearer ")
    public class T09 { public bool IsBearer(string token) => token.Length > 0 && token.StartsWith("Bearer ", StringComparison.Ordinal); }

    // CASE: id=trap-636-g01, cwe=636, expect=GOOD, form=catch returns false in IsAuthenticated async
    public class T10 { public async System.Threading.Tasks.Task<bool> IsAuthenticatedAsync(Func<System.Threading.Tasks.Task<bool>> check) { try { return await check(); } catch (HttpRequestException) { return false; } } }

    // CASE: id=trap-636-g02, cwe=636, expect=GOOD, form=swallow in non-security parse helper returning true
    public class T11 { public bool TryLoadTheme(string path) { try { File.ReadAllText(path); } catch (IOException) { } return true; } }

    // CASE: id=trap-338-g01, cwe=338, expect=GOOD, form=Random for retry backoff named tokenRefreshDelay
    public class T12 { public TimeSpan TokenRefreshDelay() => TimeSpan.FromSeconds(30 + Random.Shared.Next(0, 10)); }

    // CASE: id=trap-338-g02, cwe=338, expect=GOOD, form=Random.Shared.Shuffle of display order
    public class T13 { public void Run(string[] tiles) => Random.Shared.Shuffle(tiles); }

    // CASE: id=trap-321-g01, cwe=321, expect=GOOD, form=new byte[32] key buffer filled by KDF
    public class T14 { public byte[] Run(string pw, byte[] salt) { var key = new byte[32]; Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(pw), salt, key, 600_000, HashAlgorithmName.SHA256); return key; } }

    // CASE: id=trap-321-g02, cwe=321, expect=GOOD, form=constant KeyId string
    public class T15 { public const string KeyId = "device-signing-2024"; }

    // CASE: id=trap-329-g01, cwe=329, expect=GOOD, form=IV buffer filled by RandomNumberGenerator then used
    public class T16 { public ICryptoTransform Run(Aes a, byte[] key) { var iv = new byte[16]; RandomNumberGenerator.Fill(iv); a.IV = iv; a.Key = key; return a.CreateEncryptor(); } }

    // CASE: id=trap-319-g01, cwe=319, expect=GOOD, form=http URL in an XML schema location attribute
    public class T17 { public string Schema => "<xs:import namespace=\"http://hl7.org/fhir\" schemaLocation=\"fhir.xsd\"/>"; }

    // CASE: id=trap-319-g02, cwe=319, expect=GOOD, form=Uri scheme comparison with http
    public class T18 { public bool Insecure(Uri u) => u.Scheme == "http"; }

    // CASE: id=trap-319-b01, cwe=319, expect=BAD, form=UriBuilder http scheme passed to HttpClient
    public class T19 { public System.Threading.Tasks.Task<string> Run(HttpClient c) => c.GetStringAsync(new Uri("http://pump-gateway.example.net:8080/status")); }

    // CASE: id=trap-532-g01, cwe=532, expect=GOOD, form=log "password changed" event without value
    public class T20 { public void Run(ILogger log, string user) { log.LogInformation("Password changed for {User}", user); } }

    // CASE: id=trap-532-g02, cwe=532, expect=GOOD, form=log token expiry time
    public class T21 { public void Run(ILogger log, DateTimeOffset tokenExpiry) { log.LogDebug("Token expires at {Expiry}", tokenExpiry); } }

    // CASE: id=trap-359-g01, cwe=359, expect=GOOD, form=log patient count and ward code
    public class T22 { public void Run(ILogger log, string wardCode, int patientCount) { log.LogInformation("{Ward}: {Count} patients", wardCode, patientCount); } }

    // CASE: id=trap-359-b01, cwe=359, expect=BAD, form=Console.Error.WriteLine of patientName local
    public class T23 { public void Run(string patientName) { Console.Error.WriteLine("Cannot match " + patientName); } }

    // CASE: id=trap-1333-g01, cwe=1333, expect=GOOD, form=Regex.IsMatch on serial input with TimeSpan timeout named argument
    public class T24 { public bool Run(SerialPort p) => Regex.IsMatch(p.ReadLine(), "^[0-9]{1,4}$", RegexOptions.CultureInvariant, matchTimeout: TimeSpan.FromMilliseconds(5)); }

    // CASE: id=trap-1333-g02, cwe=1333, expect=GOOD, form=AppContext default regex timeout not involved, pattern constant, input constant
    public class T25 { public string Run() => Regex.Replace("A-B-C", "-", "_"); }

    // CASE: id=trap-409-g01, cwe=409, expect=GOOD, form=GZipStream CopyTo into a length-limited stream wrapper
    public class T26 { public byte[] Run(Stream input) { using var gz = new GZipStream(input, CompressionMode.Decompress); var buf = new byte[4096]; var n = gz.ReadAtLeast(buf, buf.Length, throwOnEndOfStream: false); return buf.AsSpan(0, n).ToArray(); } }

    // CASE: id=trap-494-g01, cwe=494, expect=GOOD, form=Assembly.GetExecutingAssembly().GetManifestResourceStream
    public class T27 { public Stream Run() => Assembly.GetExecutingAssembly().GetManifestResourceStream("Corpus.schema.json"); }

    // CASE: id=trap-78-g01, cwe=78, expect=GOOD, form=ProcessStartInfo.ArgumentList with serial input as one argument to fixed tool
    public class T28 { public void Run(SerialPort p) { var id = int.Parse(p.ReadLine()); var psi = new ProcessStartInfo("/usr/bin/pumpctl"); psi.ArgumentList.Add("--channel"); psi.ArgumentList.Add(id.ToString()); Process.Start(psi); } }

    // CASE: id=trap-22-g01, cwe=22, expect=GOOD, form=Path.GetFileNameWithoutExtension of console input + fixed extension
    public class T29 { public string Run() => File.ReadAllText(Path.Combine("/var/pump/profiles", Path.GetFileNameWithoutExtension(Console.ReadLine()) + ".json")); }

    // CASE: id=trap-22-g02, cwe=22, expect=GOOD, form=Dictionary lookup of serial key to constant path
    public class T30 { private static readonly Dictionary<string, string> Files = new() { ["log"] = "/var/pump/pump.log", ["cfg"] = "/etc/pump/pump.json" }; public string Run(SerialPort p) { var k = p.ReadLine(); if (!Files.ContainsKey(k)) return null; return File.ReadAllText(Files[k]); } }

    // CASE: id=trap-89-g01, cwe=89, expect=GOOD, form=enum-parsed sort column from console
    public class T31 { public enum Col { Name, Date } public void Run(SqlConnection c) { if (!Enum.TryParse<Col>(Console.ReadLine(), out var col) || !Enum.IsDefined(col)) return; new SqlCommand("SELECT * FROM T ORDER BY " + col, c).ExecuteNonQuery(); } }

    // CASE: id=trap-89-g02, cwe=89, expect=GOOD, form=LINQ over in-memory list filtered by socket input (no SQL)
    public class T32 { public int Run(List<string> names, System.Net.Sockets.Socket s) { var b = new byte[32]; var n = s.Receive(b); var q = Encoding.ASCII.GetString(b, 0, n); return names.Count(x => x == q); } }

    // CASE: id=trap-117-g01, cwe=117, expect=GOOD, form=LoggerMessage.Define with serial value as argument
    public class T33 { private static readonly Action<ILogger, string, Exception> Received = LoggerMessage.Define<string>(LogLevel.Information, new EventId(1), "Received {Line}"); public void Run(ILogger log, SerialPort p) => Received(log, p.ReadLine(), null); }

    // CASE: id=trap-502-g01, cwe=502, expect=GOOD, form=JsonSerializerSettings with TypeNameHandling None and a converter
    public class T34 { public object Run(string j) => Newtonsoft.Json.JsonConvert.DeserializeObject<Dictionary<string, int>>(j, new Newtonsoft.Json.JsonSerializerSettings { MaxDepth = 16 }); }

    // CASE: id=trap-611-g01, cwe=611, expect=GOOD, form=XmlReaderSettings with XmlResolver = null and DtdProcessing.Ignore in object initializer
    public class T35 { public System.Xml.XmlReader Run(Stream s) => System.Xml.XmlReader.Create(s, new System.Xml.XmlReaderSettings { XmlResolver = null, DtdProcessing = System.Xml.DtdProcessing.Ignore }); }
}
