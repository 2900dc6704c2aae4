using System.Threading.Tasks;
using Verify = Spdf.Build.Analyzers.Tests.Infrastructure.Verifier<Spdf.Build.Analyzers.Cryptography.EcbCipherModeAnalyzer>;

namespace Spdf.Build.Analyzers.Tests.Cryptography;

public sealed class EcbCipherModeAnalyzerTests
{
    [Fact]
    public async Task ECB_mode_in_assignments_initializers_arguments_and_one_shot_calls_is_reported()
    {
        const string source = """
            using System;
            using System.Security.Cryptography;
            using static System.Security.Cryptography.CipherMode;
            using Mode = System.Security.Cryptography.CipherMode;
            class C
            {
                private const CipherMode Configured = {|SPDF1003:CipherMode.ECB|};
                CipherMode Property { get; set; } = {|SPDF1003:Mode.ECB|};
                void M(Aes aes, byte[] data)
                {
                    aes.Mode = {|SPDF1003:CipherMode.ECB|};
                    aes.Mode = data.Length > 0 ? {|SPDF1003:ECB|} : CipherMode.CBC;
                    using var other = Aes.Create();
                    var configured = new Options { Mode = {|SPDF1003:CipherMode.ECB|} };
                    Use({|SPDF1003:CipherMode.ECB|});
                    aes.Mode = {|SPDF1003:CipherMode.CFB|};
                    Use({|SPDF1003:Mode.OFB|});
                    var cipher = {|SPDF1003:aes.EncryptEcb(data, PaddingMode.PKCS7)|};
                    Func<byte[]> later = () => {|SPDF1003:aes.EncryptEcb(data, PaddingMode.PKCS7)|};
                }
                void Use(CipherMode mode) { }
                class Options { public CipherMode Mode { get; set; } }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Comparisons_other_modes_and_decryption_are_not_reported()
    {
        const string source = """
            using System.Security.Cryptography;
            class C
            {
                bool A(Aes aes) => aes.Mode == CipherMode.ECB;
                string B(CipherMode mode) => mode switch { CipherMode.ECB => "ecb", _ => "other" };
                bool D(Aes aes) => aes.Mode is CipherMode.ECB;
                void E(Aes aes) { aes.Mode = CipherMode.CBC; }
                bool I(Aes aes) => aes.Mode == CipherMode.CFB;
                byte[] F(Aes aes, byte[] data) => aes.DecryptEcb(data, PaddingMode.PKCS7);
                string G() => nameof(CipherMode.ECB);
                void H(Aes aes) { if (aes.Mode != CipherMode.ECB) { } }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }
}
