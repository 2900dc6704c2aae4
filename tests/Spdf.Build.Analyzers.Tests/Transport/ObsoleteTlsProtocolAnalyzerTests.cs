using System.Threading.Tasks;
using Verify = Spdf.Build.Analyzers.Tests.Infrastructure.Verifier<Spdf.Build.Analyzers.Transport.ObsoleteTlsProtocolAnalyzer, Spdf.Build.Analyzers.CodeFixes.ObsoleteTlsProtocolCodeFixProvider>;

namespace Spdf.Build.Analyzers.Tests.Transport;

public sealed class ObsoleteTlsProtocolAnalyzerTests
{
    [Fact]
    public async Task Obsolete_and_pinned_protocols_are_reported()
    {
        const string source = """
            #pragma warning disable SYSLIB0039, SYSLIB0014, CS0618
            using System;
            using System.IO;
            using System.Net;
            using System.Net.Http;
            using System.Net.Security;
            using System.Security.Authentication;
            using static System.Security.Authentication.SslProtocols;
            class C
            {
                private const SslProtocols Configured = {|SPDF1010:SslProtocols.Tls11|};
                SslProtocols Property { get; set; } = {|SPDF1010:Tls|} | {|SPDF1011:Tls12|};

                void M(SslStream stream)
                {
                    var handler = new HttpClientHandler { SslProtocols = {|SPDF1010:SslProtocols.Ssl3|} };
                    handler.SslProtocols = {|SPDF1011:SslProtocols.Tls13|};
                    ServicePointManager.SecurityProtocol = {|SPDF1010:SecurityProtocolType.Tls|} | {|SPDF1011:SecurityProtocolType.Tls12|};
                    ServicePointManager.SecurityProtocol |= {|SPDF1010:SecurityProtocolType.Tls11|};
                    stream.AuthenticateAsClient("device", null, {|SPDF1010:SslProtocols.Default|}, true);
                    var options = new SslClientAuthenticationOptions { EnabledSslProtocols = {|SPDF1010:SslProtocols.Tls|} };
                    Func<SslProtocols> lambda = () => {|SPDF1010:SslProtocols.Ssl2|};
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Defaults_comparisons_and_masks_are_not_reported()
    {
        const string source = """
            #pragma warning disable SYSLIB0014
            using System.Net;
            using System.Net.Http;
            using System.Net.Security;
            using System.Security.Authentication;
            class C
            {
                void M(SslStream stream, HttpClientHandler handler)
                {
                    handler.SslProtocols = SslProtocols.None;
                    ServicePointManager.SecurityProtocol = SecurityProtocolType.SystemDefault;
                    if (stream.SslProtocol == SslProtocols.Tls) { }
                    var legacy = stream.SslProtocol is SslProtocols.Tls or SslProtocols.Tls11;
                    handler.SslProtocols &= ~SslProtocols.Tls11;
                    var flag = handler.SslProtocols.HasFlag(SslProtocols.Tls);
                    var text = stream.SslProtocol switch { SslProtocols.Tls => "1.0", _ => "ok" };
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Numeric_casts_of_protocol_values_are_reported_like_the_members()
    {
        const string source = """
            #pragma warning disable SYSLIB0039, SYSLIB0014, CS0618
            using System.Net;
            using System.Net.Security;
            using System.Security.Authentication;
            using Protocols = System.Security.Authentication.SslProtocols;
            class C
            {
                private const int Tls10 = 192;
                private static readonly SslProtocols Legacy = {|SPDF1010:(SslProtocols)Tls10|};
                SslProtocols Property { get; set; } = {|SPDF1010:(Protocols)768|};

                void M(SslStream stream, SslClientAuthenticationOptions options)
                {
                    ServicePointManager.SecurityProtocol = {|SPDF1010:(SecurityProtocolType)192|};
                    ServicePointManager.SecurityProtocol |= {|SPDF1011:(SecurityProtocolType)3072|};
                    options.EnabledSslProtocols = {|SPDF1010:(SslProtocols)(192 | 3072)|};
                    var handler = new System.Net.Http.HttpClientHandler { SslProtocols = {|SPDF1010:(SslProtocols)240|} };
                    stream.AuthenticateAsClient("host", null, {|SPDF1010:(SslProtocols)48|}, false);
                }

                SslProtocols Returned() => {|SPDF1011:(SslProtocols)12288|};
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Casts_of_zero_comparisons_and_unrelated_enums_are_not_reported()
    {
        const string source = """
            using System;
            using System.Net;
            using System.Security.Authentication;
            class C
            {
                bool M(SslProtocols configured, int raw)
                {
                    var none = (SslProtocols)0;
                    var system = (SecurityProtocolType)0;
                    var fromConfig = (SslProtocols)raw;
                    var other = (DayOfWeek)3;
                    var attributes = (AttributeTargets)192;
                    return configured == (SslProtocols)192 || ((int)configured & 768) != 0;
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Code_fix_uses_the_operating_system_default()
    {
        const string source = """
            using System.Net.Http;
            using System.Security.Authentication;
            class C
            {
                void M(HttpClientHandler handler)
                {
                    handler.SslProtocols = {|SPDF1010:SslProtocols.Tls11|};
                }
            }
            """;
        const string fixedSource = """
            using System.Net.Http;
            using System.Security.Authentication;
            class C
            {
                void M(HttpClientHandler handler)
                {
                    handler.SslProtocols = SslProtocols.None;
                }
            }
            """;
        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }
}
