using System.Threading.Tasks;
using Verify = Spdf.Build.Analyzers.Tests.Infrastructure.Verifier<Spdf.Build.Analyzers.Transport.RevocationCheckDisabledAnalyzer, Spdf.Build.Analyzers.CodeFixes.RevocationCheckDisabledCodeFixProvider>;

namespace Spdf.Build.Analyzers.Tests.Transport;

public sealed class RevocationCheckDisabledAnalyzerTests
{
    [Fact]
    public async Task Disabled_revocation_checks_are_reported()
    {
        const string source = """
            using System;
            using System.Net.Http;
            using System.Net.Security;
            using System.Security.Authentication;
            using System.Security.Cryptography.X509Certificates;
            using static System.Security.Cryptography.X509Certificates.X509RevocationMode;
            class C
            {
                private const X509RevocationMode Mode = {|SPDF1012:X509RevocationMode.NoCheck|};
                HttpClientHandler Handler { get; } = new() { CheckCertificateRevocationList = {|SPDF1012:false|} };

                void M(X509Chain chain, SslStream stream)
                {
                    chain.ChainPolicy.RevocationMode = {|SPDF1012:NoCheck|};
                    var policy = new X509ChainPolicy { RevocationMode = {|SPDF1012:X509RevocationMode.NoCheck|} };
                    var options = new SslClientAuthenticationOptions { CertificateRevocationCheckMode = {|SPDF1012:X509RevocationMode.NoCheck|} };
                    stream.AuthenticateAsClient("device", null, SslProtocols.None, {|SPDF1012:false|});
                    Action later = () => chain.ChainPolicy.RevocationMode = {|SPDF1012:X509RevocationMode.NoCheck|};
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Enabled_checks_and_comparisons_are_not_reported()
    {
        const string source = """
            using System.Net.Http;
            using System.Net.Security;
            using System.Security.Authentication;
            using System.Security.Cryptography.X509Certificates;
            class C
            {
                void M(X509Chain chain, SslStream stream, HttpClientHandler handler, bool configured)
                {
                    chain.ChainPolicy.RevocationMode = X509RevocationMode.Online;
                    chain.ChainPolicy.RevocationMode = X509RevocationMode.Offline;
                    handler.CheckCertificateRevocationList = true;
                    handler.CheckCertificateRevocationList = configured;
                    stream.AuthenticateAsClient("device", null, SslProtocols.None, true);
                    if (chain.ChainPolicy.RevocationMode == X509RevocationMode.NoCheck) { }
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Code_fix_turns_revocation_checking_on()
    {
        const string source = """
            using System.Net.Http;
            using System.Security.Cryptography.X509Certificates;
            class C
            {
                void M(X509Chain chain, HttpClientHandler handler)
                {
                    chain.ChainPolicy.RevocationMode = {|SPDF1012:X509RevocationMode.NoCheck|};
                    handler.CheckCertificateRevocationList = {|SPDF1012:false|};
                }
            }
            """;
        const string fixedSource = """
            using System.Net.Http;
            using System.Security.Cryptography.X509Certificates;
            class C
            {
                void M(X509Chain chain, HttpClientHandler handler)
                {
                    chain.ChainPolicy.RevocationMode = X509RevocationMode.Online;
                    handler.CheckCertificateRevocationList = true;
                }
            }
            """;
        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }
}
