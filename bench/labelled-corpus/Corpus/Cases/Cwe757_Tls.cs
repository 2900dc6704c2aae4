using System;
using System.Net;
using System.Net.Http;
using System.Net.Security;
using System.Security.Authentication;

namespace Corpus.Cwe757
{
    // CASE: id=757-b01, cwe=757, expect=BAD, form=SslProtocols.Tls in AuthenticateAsClient
    public class B01 { public void Run(SslStream s) => s.AuthenticateAsClient("device", null, SslProtocols.Tls, true); }

    // CASE: id=757-b02, cwe=757, expect=BAD, form=ServicePointManager.SecurityProtocol = Tls11
    public class B02 { public void Run() { ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls11; } }

    // CASE: id=757-b03, cwe=757, expect=BAD, form=HttpClientHandler.SslProtocols = Tls | Tls12
    public class B03 { public HttpClientHandler Run() => new HttpClientHandler { SslProtocols = SslProtocols.Tls | SslProtocols.Tls12 }; }

    // CASE: id=757-b04, cwe=757, expect=BAD, form=SecurityProtocolType.Ssl3 or'ed
    public class B04 { public void Run() { ServicePointManager.SecurityProtocol |= SecurityProtocolType.Ssl3; } }

    // CASE: id=757-b05, cwe=757, expect=BAD, form=SslClientAuthenticationOptions EnabledSslProtocols = Tls11
    public class B05 { public SslClientAuthenticationOptions Options { get; } = new() { TargetHost = "monitor", EnabledSslProtocols = SslProtocols.Tls11 }; }

    // CASE: id=757-b06, cwe=757, expect=BAD, form=SslProtocols.Ssl2 constant field
    public class B06 { private const SslProtocols Legacy = SslProtocols.Ssl2; public void Run(SslStream s) => s.AuthenticateAsServer(null, false, Legacy, true); }

    // CASE: id=757-b07, cwe=757, expect=BAD, form=(SslProtocols)192 numeric cast of TLS 1.0
    public class B07 { public HttpClientHandler Run() { var h = new HttpClientHandler(); h.SslProtocols = (SslProtocols)192; return h; } }

    // CASE: id=757-g01, cwe=757, expect=GOOD, form=SslProtocols.None (OS default)
    public class G01 { public HttpClientHandler Run() => new HttpClientHandler { SslProtocols = SslProtocols.None }; }

    // CASE: id=757-g02, cwe=757, expect=GOOD, form=SecurityProtocolType.SystemDefault
    public class G02 { public void Run() { ServicePointManager.SecurityProtocol = SecurityProtocolType.SystemDefault; } }

    // CASE: id=757-g03, cwe=757, expect=GOOD, form=checking negotiated protocol is not Tls
    public class G03 { public bool Legacy(SslStream s) => s.SslProtocol == SslProtocols.Tls; }

    // CASE: id=757-g04, cwe=757, expect=GOOD, form=AuthenticateAsClient without protocol argument
    public class G04 { public void Run(SslStream s) => s.AuthenticateAsClient("device"); }

    // CASE: id=757-g05, cwe=757, expect=GOOD, form=removing Tls11 from the mask
    public class G05 { public void Run() { ServicePointManager.SecurityProtocol &= ~SecurityProtocolType.Tls11; } }
}
