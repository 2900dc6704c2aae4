using System.Threading.Tasks;
using Verify = Spdf.Build.Analyzers.Tests.Infrastructure.Verifier<Spdf.Build.Analyzers.Transport.CertificateValidationDisabledAnalyzer>;

namespace Spdf.Build.Analyzers.Tests.Transport;

public sealed class CertificateValidationDisabledAnalyzerTests
{
    [Fact]
    public async Task Accept_all_callbacks_in_every_form_are_reported()
    {
        const string source = """
            #pragma warning disable SYSLIB0014
            using System;
            using System.IO;
            using System.Net;
            using System.Net.Http;
            using System.Net.Security;
            using System.Security.Cryptography.X509Certificates;
            using Handler = System.Net.Http.HttpClientHandler;
            class C
            {
                private readonly bool _insecure;
                private readonly HttpClientHandler _field = new() { ServerCertificateCustomValidationCallback = {|SPDF1009:(m, c, ch, e) => true|} };
                HttpClientHandler Property { get; } = new Handler { ServerCertificateCustomValidationCallback = {|SPDF1009:Handler.DangerousAcceptAnyServerCertificateValidator|} };

                void M(Stream stream)
                {
                    var a = new HttpClientHandler();
                    a.ServerCertificateCustomValidationCallback = {|SPDF1009:(_, _, _, _) => true|};
                    a.ServerCertificateCustomValidationCallback = {|SPDF1009:delegate { return true; }|};
                    a.ServerCertificateCustomValidationCallback = {|SPDF1009:AcceptAll|};
                    a.ServerCertificateCustomValidationCallback = {|SPDF1009:(m, c, ch, e) => { Console.WriteLine(e); return true; }|};
                    a.ServerCertificateCustomValidationCallback = {|SPDF1009:(m, c, ch, e) => _insecure|};
                    var b = new SocketsHttpHandler();
                    b.SslOptions.RemoteCertificateValidationCallback = {|SPDF1009:Local|};
                    b.SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = {|SPDF1009:(s, c, ch, e) => true|} };
                    ServicePointManager.ServerCertificateValidationCallback += {|SPDF1009:(s, c, ch, e) => true|};
                    using var ssl = new SslStream(stream, false, {|SPDF1009:(s, c, ch, e) => true|});
                    RemoteCertificateValidationCallback stored = {|SPDF1009:(s, c, ch, e) => true|};
                    Func<Func<HttpClientHandler>> nested = () => () => new HttpClientHandler { ServerCertificateCustomValidationCallback = {|SPDF1009:(m, c, ch, e) => true|} };

                    bool Local(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
                    {
                        if (errors != SslPolicyErrors.None) return true;
                        return true;
                    }
                }

                static bool AcceptAll(HttpRequestMessage message, X509Certificate2? certificate, X509Chain? chain, SslPolicyErrors errors) => true;
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Callbacks_whose_result_folds_to_true_are_reported()
    {
        const string source = """
            using System.Net.Http;
            using System.Net.Security;
            using System.Security.Cryptography.X509Certificates;
            class C
            {
                private readonly HttpClientHandler _field = new() { ServerCertificateCustomValidationCallback = {|SPDF1009:(m, c, ch, e) => e == SslPolicyErrors.None || true|} };

                void M(SslClientAuthenticationOptions options, bool debug)
                {
                    var a = new HttpClientHandler();
                    a.ServerCertificateCustomValidationCallback = {|SPDF1009:(m, cert, chain, errors) => (errors == SslPolicyErrors.None) | true|};
                    a.ServerCertificateCustomValidationCallback = {|SPDF1009:(m, cert, chain, errors) => { Log(errors); return !false; }|};
                    a.ServerCertificateCustomValidationCallback = {|SPDF1009:(m, cert, chain, errors) => debug ? true : (true || errors == SslPolicyErrors.None)|};
                    options.RemoteCertificateValidationCallback = {|SPDF1009:Check|};
                }

                static void Log(SslPolicyErrors errors) { }

                static bool Check(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
                {
                    if (errors == SslPolicyErrors.None)
                        return true;
                    return chain != null || true;
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Callbacks_that_only_fold_to_true_for_some_inputs_are_not_reported()
    {
        const string source = """
            using System.Net.Http;
            using System.Net.Security;
            class C
            {
                void M(bool debug)
                {
                    var a = new HttpClientHandler();
                    a.ServerCertificateCustomValidationCallback = (m, cert, chain, errors) => errors == SslPolicyErrors.None || debug;
                    a.ServerCertificateCustomValidationCallback = (m, cert, chain, errors) => errors == SslPolicyErrors.None && true;
                    a.ServerCertificateCustomValidationCallback = (m, cert, chain, errors) => debug ? true : errors == SslPolicyErrors.None;
                    a.ServerCertificateCustomValidationCallback = (m, cert, chain, errors) => !(errors != SslPolicyErrors.None);
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Callbacks_that_check_errors_or_pin_certificates_are_not_reported()
    {
        const string source = """
            using System;
            using System.Net.Http;
            using System.Net.Security;
            using System.Security.Cryptography.X509Certificates;
            class C
            {
                private const string Thumbprint = "A1B2";
                void M()
                {
                    var a = new HttpClientHandler();
                    a.ServerCertificateCustomValidationCallback = (m, c, ch, e) => e == SslPolicyErrors.None;
                    a.ServerCertificateCustomValidationCallback = (m, c, ch, e) => c?.Thumbprint == Thumbprint;
                    a.ServerCertificateCustomValidationCallback = Validate;
                    a.ServerCertificateCustomValidationCallback = (m, c, ch, e) => false;
                    a.ServerCertificateCustomValidationCallback = (m, c, ch, e) =>
                    {
                        if (e == SslPolicyErrors.None) return true;
                        Func<bool> inner = () => true;
                        return false;
                    };
                    Func<int, bool> unrelated = x => true;
                }

                static bool Validate(HttpRequestMessage message, X509Certificate2? certificate, X509Chain? chain, SslPolicyErrors errors)
                {
                    if (errors == SslPolicyErrors.None) return true;
                    return chain is not null && certificate is not null && chain.Build(certificate);
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }
}
