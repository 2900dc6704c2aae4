using System;
using System.Net;
using System.Net.Http;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace Corpus.Cwe295
{
    // CASE: id=295-b01, cwe=295, expect=BAD, form=HttpClientHandler callback lambda returns true
    public class B01 { public HttpClient Run() { var h = new HttpClientHandler(); h.ServerCertificateCustomValidationCallback = (m, c, ch, e) => true; return new HttpClient(h); } }

    // CASE: id=295-b02, cwe=295, expect=BAD, form=DangerousAcceptAnyServerCertificateValidator
    public class B02 { public HttpClient Run() => new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator }); }

    // CASE: id=295-b03, cwe=295, expect=BAD, form=ServicePointManager callback delegate { return true; }
    public class B03 { public void Run() { ServicePointManager.ServerCertificateValidationCallback = delegate { return true; }; } }

    // CASE: id=295-b04, cwe=295, expect=BAD, form=SslStream with method group returning true
    public class B04 { private static bool AcceptAll(object s, X509Certificate c, X509Chain ch, SslPolicyErrors e) => true; public SslStream Run(NetworkStream ns) => new SslStream(ns, false, AcceptAll); }

    // CASE: id=295-b05, cwe=295, expect=BAD, form=SocketsHttpHandler SslOptions RemoteCertificateValidationCallback true
    public class B05 { public HttpClient Run() { var h = new SocketsHttpHandler(); h.SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = (a, b, c, d) => true }; return new HttpClient(h); } }

    // CASE: id=295-b06, cwe=295, expect=BAD, form=local function callback ignoring errors
    public class B06 { public HttpClientHandler Run() { bool Validate(HttpRequestMessage m, X509Certificate2 c, X509Chain ch, SslPolicyErrors errors) { Console.WriteLine(errors); return true; } return new HttpClientHandler { ServerCertificateCustomValidationCallback = Validate }; } }

    // CASE: id=295-b07, cwe=295, expect=BAD, form=target-typed new handler with lambda body block returning true
    public class B07 { public HttpClient Client { get; } = new(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => { return true; } }); }

    // CASE: id=295-b08, cwe=295, expect=BAD, form=SslStream AuthenticateAsClientAsync with options accept-all
    public class B08 { public async System.Threading.Tasks.Task Run(SslStream s) { await s.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = "pump.local", RemoteCertificateValidationCallback = delegate { return true; } }); } }

    // CASE: id=295-b09, cwe=295, expect=BAD, form=callback condition ending in || true (always accepts)
    public class B09 { public HttpClientHandler Run() => new HttpClientHandler { ServerCertificateCustomValidationCallback = (m, c, ch, e) => e == SslPolicyErrors.None || e == SslPolicyErrors.RemoteCertificateNameMismatch || true }; }

    // CASE: id=295-g01, cwe=295, expect=GOOD, form=callback returns errors == None
    public class G01 { public HttpClientHandler Run() => new HttpClientHandler { ServerCertificateCustomValidationCallback = (m, c, ch, e) => e == SslPolicyErrors.None }; }

    // CASE: id=295-g02, cwe=295, expect=GOOD, form=callback pins thumbprint
    public class G02 { private const string Pin = "A1B2C3"; public HttpClientHandler Run() => new HttpClientHandler { ServerCertificateCustomValidationCallback = (m, c, ch, e) => e == SslPolicyErrors.None && c?.GetCertHashString() == Pin }; }

    // CASE: id=295-g03, cwe=295, expect=GOOD, form=default HttpClient
    public class G03 { public HttpClient Run() => new HttpClient(); }

    // CASE: id=295-g04, cwe=295, expect=GOOD, form=SslStream with custom root chain validation
    public class G04 { private readonly X509Certificate2 _root; public G04(X509Certificate2 root) { _root = root; } private bool Validate(object s, X509Certificate c, X509Chain ch, SslPolicyErrors e) { if (e == SslPolicyErrors.None) return true; using var chain = new X509Chain(); chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust; chain.ChainPolicy.CustomTrustStore.Add(_root); return chain.Build(new X509Certificate2(c)); } public SslStream Run(NetworkStream ns) => new SslStream(ns, false, Validate); }

    // CASE: id=295-g05, cwe=295, expect=GOOD, form=callback returning false
    public class G05 { public void Run() { ServicePointManager.ServerCertificateValidationCallback = (s, c, ch, e) => false; } }

    // CASE: id=295-g06, cwe=295, expect=GOOD, form=SocketsHttpHandler default SslOptions
    public class G06 { public HttpClient Run() => new HttpClient(new SocketsHttpHandler { SslOptions = new SslClientAuthenticationOptions { EnabledSslProtocols = SslProtocols.None } }); }

    // CASE: id=295-g07, cwe=295, expect=GOOD, form=callback logs and returns errors == None (block body)
    public class G07 { public HttpClientHandler Run() => new HttpClientHandler { ServerCertificateCustomValidationCallback = (m, c, ch, e) => { if (e != SslPolicyErrors.None) Console.Error.WriteLine("TLS failure: " + e); return e == SslPolicyErrors.None; } }; }
}
