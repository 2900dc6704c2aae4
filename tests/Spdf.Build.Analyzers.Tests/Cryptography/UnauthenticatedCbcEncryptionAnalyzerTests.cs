using System.Threading.Tasks;
using Verify = Spdf.Build.Analyzers.Tests.Infrastructure.Verifier<Spdf.Build.Analyzers.Cryptography.UnauthenticatedCbcEncryptionAnalyzer>;

namespace Spdf.Build.Analyzers.Tests.Cryptography;

public sealed class UnauthenticatedCbcEncryptionAnalyzerTests
{
    [Fact]
    public async Task Cbc_mode_set_on_a_cipher_without_a_MAC_is_reported()
    {
        const string source = """
            using System.Security.Cryptography;
            class C
            {
                byte[] Encrypt(byte[] key, byte[] iv, byte[] data)
                {
                    using var aes = Aes.Create();
                    aes.Key = key;
                    aes.Mode = {|SPDF1015:CipherMode.CBC|};
                    using var encryptor = aes.CreateEncryptor(key, iv);
                    return encryptor.TransformFinalBlock(data, 0, data.Length);
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task One_shot_CBC_encryption_in_an_initializer_or_lambda_is_reported()
    {
        const string source = """
            #pragma warning disable SYSLIB0021
            using System;
            using System.Security.Cryptography;
            class C
            {
                Func<Aes, byte[], byte[], byte[]> Seal => (aes, iv, data) => {|SPDF1015:aes.EncryptCbc(data, iv)|};
                byte[] M(Aes aes, byte[] iv, byte[] data) => {|SPDF1015:aes.EncryptCbc(data, iv, PaddingMode.PKCS7)|};
                SymmetricAlgorithm N() => new AesManaged { Mode = {|SPDF1015:CipherMode.CBC|} };
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Encrypt_then_MAC_in_the_same_method_is_not_reported()
    {
        const string source = """
            using System.Linq;
            using System.Security.Cryptography;
            class C
            {
                byte[] WithHmacInstance(Aes aes, byte[] macKey, byte[] iv, byte[] data)
                {
                    aes.Mode = CipherMode.CBC;
                    var cipher = aes.EncryptCbc(data, iv);
                    using var hmac = new HMACSHA256(macKey);
                    return cipher.Concat(hmac.ComputeHash(cipher)).ToArray();
                }

                byte[] WithOneShotHmac(Aes aes, byte[] macKey, byte[] iv, byte[] data)
                {
                    var cipher = aes.EncryptCbc(data, iv);
                    return cipher.Concat(HMACSHA512.HashData(macKey, cipher)).ToArray();
                }

                byte[] WithIncrementalHmac(Aes aes, byte[] macKey, byte[] iv, byte[] data)
                {
                    var cipher = aes.EncryptCbc(data, iv);
                    using var mac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, macKey);
                    mac.AppendData(cipher);
                    return cipher.Concat(mac.GetHashAndReset()).ToArray();
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task AEAD_ciphers_and_mode_comparisons_are_not_reported()
    {
        const string source = """
            using System.Security.Cryptography;
            class C
            {
                void Seal(byte[] key, byte[] nonce, byte[] data, byte[] cipher, byte[] tag)
                {
                    using var gcm = new AesGcm(key, 16);
                    gcm.Encrypt(nonce, data, cipher, tag);
                }

                bool IsCbc(SymmetricAlgorithm algorithm) => algorithm.Mode == CipherMode.CBC;
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }
}
