using System.Threading.Tasks;
using Verify = Spdf.Build.Analyzers.Tests.Infrastructure.Verifier<Spdf.Build.Analyzers.Transport.ClearTextTransportAnalyzer>;

namespace Spdf.Build.Analyzers.Tests.Transport;

public sealed class ClearTextTransportAnalyzerTests
{
    [Fact]
    public async Task Clear_text_addresses_reaching_network_apis_are_reported()
    {
        const string source = """
            #pragma warning disable SYSLIB0014
            using System;
            using System.Net;
            using System.Net.Http;
            using System.Net.WebSockets;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                private const string Gateway = "http://gateway.hospital.example/api";
                private readonly HttpClient _client = new() { BaseAddress = {|SPDF1013:new Uri("http://ehr.example.org/")|} };

                async Task M(HttpClient client, ClientWebSocket socket)
                {
                    await client.GetAsync({|SPDF1013:"http://ehr.example.org/patients"|});
                    await client.GetStringAsync({|SPDF1013:Gateway|});
                    await client.PostAsync({|SPDF1013:new Uri(Gateway)|}, null);
                    var request = new HttpRequestMessage(HttpMethod.Get, {|SPDF1013:"http://10.0.0.5/status"|});
                    client.BaseAddress = {|SPDF1013:new Uri("http://ehr.example.org")|};
                    var uri = new Uri("ws://monitor.example.org/stream");
                    await socket.ConnectAsync({|SPDF1013:uri|}, CancellationToken.None);
                    var ftp = WebRequest.Create({|SPDF1013:"ftp://files.example.org/firmware.bin"|});
                    Func<Task<string>> later = () => client.GetStringAsync({|SPDF1013:"http://ehr.example.org/later"|});
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Parameters_named_address_or_url_are_sinks()
    {
        const string source = """
            #pragma warning disable SYSLIB0014
            using System.Net;
            using System.Net.Telemetry;
            class C
            {
                string M(WebClient web)
                {
                    Uploader.Send({|SPDF1013:"http://telemetry.example.org/v1"|}, "reading");
                    Uploader.Send("https://telemetry.example.org/v1", {|SPDF1013:"http://fallback.example.org"|});
                    return web.DownloadString({|SPDF1013:"http://ehr.example.org/patients"|});
                }
            }
            namespace System.Net.Telemetry
            {
                public static class Uploader
                {
                    public static void Send(string collectorURL, string address) { }
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Clear_text_addresses_built_at_run_time_are_reported()
    {
        const string source = """
            using System;
            using System.Net.Http;
            using System.Net.WebSockets;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                private const string Scheme = "http://";
                private readonly HttpClient _client = new();

                async Task M(HttpClient client, ClientWebSocket socket, string host, int port, string deviceId)
                {
                    await client.GetAsync({|SPDF1013:$"http://{host}/x"|});
                    await client.PostAsync({|SPDF1013:"http://" + host + "/api/readings"|}, null);
                    _client.BaseAddress = {|SPDF1013:new Uri("http://" + host)|};
                    var url = $"http://{host}:{port}/devices/{deviceId}";
                    await client.GetStringAsync({|SPDF1013:url|});
                    await client.GetAsync({|SPDF1013:Scheme + host|});
                    await client.GetAsync({|SPDF1013:string.Concat("http://api.", host, "/v1")|});
                    await socket.ConnectAsync({|SPDF1013:new Uri($"ws://{host}/stream")|}, CancellationToken.None);
                    Func<string, Task<string>> fetch = h => client.GetStringAsync({|SPDF1013:$"http://{h}/status"|});
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Built_addresses_that_are_secure_loopback_or_not_sent_are_not_reported()
    {
        const string source = """
            using System;
            using System.Net.Http;
            using System.Threading.Tasks;
            class C
            {
                async Task M(HttpClient client, string host, int port, string scheme, string path)
                {
                    await client.GetAsync($"https://{host}/x");
                    await client.GetAsync("https://" + host);
                    await client.GetAsync($"http://localhost:{port}/health");
                    await client.GetAsync("http://127.0.0.1:" + port + "/metrics");
                    await client.GetAsync($"http://[::1]:{port}/");
                    await client.GetAsync($"{scheme}://{host}/x");
                    await client.GetAsync(host + "/http://x");
                    await client.GetAsync($"/devices/{path}");
                    var link = new Uri("http://" + host);
                    Console.WriteLine($"See http://{host}/docs");
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Secure_loopback_dynamic_and_non_network_strings_are_not_reported()
    {
        const string source = """
            using System;
            using System.Net.Http;
            using System.Threading.Tasks;
            using System.Xml.Linq;
            class C
            {
                private const string Namespace = "http://www.w3.org/2001/XMLSchema-instance";
                async Task M(HttpClient client, string configured)
                {
                    await client.GetAsync("https://ehr.example.org/patients");
                    await client.GetAsync("http://localhost:5000/health");
                    await client.GetAsync("http://127.0.0.1/health");
                    await client.GetAsync("http://[::1]/health");
                    await client.GetAsync(configured);
                    await client.GetAsync("/relative/path");
                    var ns = XNamespace.Get(Namespace);
                    var link = new Uri("http://example.org/docs");
                    Console.WriteLine("See http://example.org");
                    var uri = new Uri("http://example.org/");
                    uri = new Uri(configured);
                    await client.GetAsync(uri);
                    var proxy = new System.Net.WebProxy("http://proxy.hospital.example:8080");
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }
}
