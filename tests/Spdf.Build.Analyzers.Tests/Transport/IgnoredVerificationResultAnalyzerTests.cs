using System.Threading.Tasks;
using Verify = Spdf.Build.Analyzers.Tests.Infrastructure.Verifier<Spdf.Build.Analyzers.Transport.IgnoredVerificationResultAnalyzer>;

namespace Spdf.Build.Analyzers.Tests.Transport;

public sealed class IgnoredVerificationResultAnalyzerTests
{
    [Fact]
    public async Task Discarded_verification_results_are_reported()
    {
        const string source = """
            using System;
            using System.Security.Cryptography;
            using System.Security.Cryptography.X509Certificates;
            class C
            {
                void M(RSA rsa, ECDsa ecdsa, X509Chain chain, X509Certificate2 certificate, byte[] data, byte[] signature, byte[] a, byte[] b)
                {
                    {|SPDF1014:rsa.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pss)|};
                    {|SPDF1014:ecdsa.VerifyHash(data, signature)|};
                    _ = {|SPDF1014:chain.Build(certificate)|};
                    {|SPDF1014:certificate.Verify()|};
                    {|SPDF1014:CryptographicOperations.FixedTimeEquals(a, b)|};
                    Action later = () => {|SPDF1014:rsa.VerifyHash(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)|};
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Used_results_are_not_reported()
    {
        const string source = """
            using System;
            using System.Security.Cryptography;
            using System.Security.Cryptography.X509Certificates;
            class C
            {
                bool M(RSA rsa, X509Chain chain, X509Certificate2 certificate, byte[] data, byte[] signature)
                {
                    if (!rsa.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pss))
                        throw new CryptographicException("bad signature");
                    var trusted = chain.Build(certificate);
                    Func<bool> check = () => rsa.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pss);
                    return trusted && certificate.Verify();
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }
}
