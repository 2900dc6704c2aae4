using System;
using System.Net;
using System.Net.Http;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;

namespace Corpus.Cwe319
{
    // CASE: id=319-b01, cwe=319, expect=BAD, form=HttpClient.GetStringAsync("http://...")
    public class B01 { public Task<string> Run(HttpClient c) => c.GetStringAsync("http://telemetry.example.com/upload"); }

    // CASE: id=319-b02, cwe=319, expect=BAD, form=BaseAddress = new Uri("http://...")
    public class B02 { public HttpClient Run() => new HttpClient { BaseAddress = new Uri("http://api.example.com/") }; }

    // CASE: id=319-b03, cwe=319, expect=BAD, form=WebRequest.Create("ftp://...")
    public class B03 { public WebRequest Run() => WebRequest.Create("ftp://firmware.example.com/pump.bin"); }

    // CASE: id=319-b04, cwe=319, expect=BAD, form=ClientWebSocket.ConnectAsync ws://
    public class B04 { public Task Run(ClientWebSocket ws) => ws.ConnectAsync(new Uri("ws://hub.example.com/stream"), CancellationToken.None); }

    // CASE: id=319-b05, cwe=319, expect=BAD, form=const string url field into PostAsync
    public class B05 { private const string Endpoint = "http://records.example.org/api/patients"; public Task<HttpResponseMessage> Run(HttpClient c, HttpContent body) => c.PostAsync(Endpoint, body); }

    // CASE: id=319-b06, cwe=319, expect=BAD, form=HttpRequestMessage with http URI
    public class B06 { public HttpRequestMessage Run() => new HttpRequestMessage(HttpMethod.Post, "http://10.0.5.20/ingest"); }

    // CASE: id=319-b07, cwe=319, expect=BAD, form=interpolated http:// URL into GetAsync
    public class B07 { public Task<HttpResponseMessage> Run(HttpClient c, string id) => c.GetAsync($"http://emr.example.com/patients/{id}"); }

    // CASE: id=319-g01, cwe=319, expect=GOOD, form=https URL
    public class G01 { public Task<string> Run(HttpClient c) => c.GetStringAsync("https://telemetry.example.com/upload"); }

    // CASE: id=319-g02, cwe=319, expect=GOOD, form=http://localhost
    public class G02 { public Task<string> Run(HttpClient c) => c.GetStringAsync("http://localhost:5000/health"); }

    // CASE: id=319-g03, cwe=319, expect=GOOD, form=XML namespace string http://www.w3.org
    public class G03 { public const string XmlNs = "http://www.w3.org/2001/XMLSchema-instance"; public System.Xml.Linq.XNamespace Ns => XmlNs; }

    // CASE: id=319-g04, cwe=319, expect=GOOD, form=wss:// websocket
    public class G04 { public Task Run(ClientWebSocket ws) => ws.ConnectAsync(new Uri("wss://hub.example.com/stream"), CancellationToken.None); }

    // CASE: id=319-g05, cwe=319, expect=GOOD, form=http URL only displayed as text
    public class G05 { public string HelpText => "See http://example.com/manual for the printed manual"; }

    // CASE: id=319-g06, cwe=319, expect=GOOD, form=http://127.0.0.1 loopback
    public class G06 { public HttpClient Run() => new HttpClient { BaseAddress = new Uri("http://127.0.0.1:8080/") }; }
}
