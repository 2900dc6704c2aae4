using System;
using System.Net.Http;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Corpus.Cwe299
{
    // CASE: id=299-b01, cwe=299, expect=BAD, form=chain.ChainPolicy.RevocationMode = NoCheck
    public class B01 { public bool Run(X509Certificate2 c) { using var chain = new X509Chain(); chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck; return chain.Build(c); } }

    // CASE: id=299-b02, cwe=299, expect=BAD, form=HttpClientHandler.CheckCertificateRevocationList = false
    public class B02 { public HttpClientHandler Run() => new HttpClientHandler { CheckCertificateRevocationList = false }; }

    // CASE: id=299-b03, cwe=299, expect=BAD, form=SslClientAuthenticationOptions CertificateRevocationCheckMode NoCheck
    public class B03 { public SslClientAuthenticationOptions Run() => new SslClientAuthenticationOptions { TargetHost = "hub", CertificateRevocationCheckMode = X509RevocationMode.NoCheck }; }

    // CASE: id=299-b04, cwe=299, expect=BAD, form=AuthenticateAsClient checkCertificateRevocation: false
    public class B04 { public void Run(SslStream s) => s.AuthenticateAsClient("hub", null, System.Security.Authentication.SslProtocols.None, checkCertificateRevocation: false); }

    // CASE: id=299-b05, cwe=299, expect=BAD, form=X509ChainPolicy object initializer RevocationMode NoCheck
    public class B05 { public X509ChainPolicy Policy { get; } = new() { RevocationMode = X509RevocationMode.NoCheck }; }

    // CASE: id=299-b06, cwe=299, expect=BAD, form=handler.CheckCertificateRevocationList = false assignment statement
    public class B06 { public HttpClient Run() { var handler = new HttpClientHandler(); handler.CheckCertificateRevocationList = false; return new HttpClient(handler); } }

    // CASE: id=299-g01, cwe=299, expect=GOOD, form=RevocationMode Online
    public class G01 { public bool Run(X509Certificate2 c) { using var chain = new X509Chain(); chain.ChainPolicy.RevocationMode = X509RevocationMode.Online; return chain.Build(c); } }

    // CASE: id=299-g02, cwe=299, expect=GOOD, form=CheckCertificateRevocationList = true
    public class G02 { public HttpClientHandler Run() => new HttpClientHandler { CheckCertificateRevocationList = true }; }

    // CASE: id=299-g03, cwe=299, expect=GOOD, form=comparison RevocationMode == NoCheck
    public class G03 { public bool Weak(X509Chain ch) => ch.ChainPolicy.RevocationMode == X509RevocationMode.NoCheck; }

    // CASE: id=299-g04, cwe=299, expect=GOOD, form=AuthenticateAsClient checkCertificateRevocation true
    public class G04 { public void Run(SslStream s) => s.AuthenticateAsClient("hub", null, System.Security.Authentication.SslProtocols.None, true); }

    // CASE: id=299-g05, cwe=299, expect=GOOD, form=RevocationMode Offline
    public class G05 { public void Run(X509Chain ch) { ch.ChainPolicy.RevocationMode = X509RevocationMode.Offline; } }
}
