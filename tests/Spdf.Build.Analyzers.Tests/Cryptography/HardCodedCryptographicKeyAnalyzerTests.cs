using System.Threading.Tasks;
using Verify = Spdf.Build.Analyzers.Tests.Infrastructure.Verifier<Spdf.Build.Analyzers.Cryptography.HardCodedCryptographicKeyAnalyzer>;

namespace Spdf.Build.Analyzers.Tests.Cryptography;

public sealed class HardCodedCryptographicKeyAnalyzerTests
{
    [Fact]
    public async Task Literal_and_constant_keys_are_reported()
    {
        const string source = """
            using System;
            using System.Security.Cryptography;
            using System.Text;
            using Mac = System.Security.Cryptography.HMACSHA256;
            class C
            {
                private static readonly byte[] MasterKey = Convert.FromHexString("000102030405060708090A0B0C0D0E0F");
                private const string Secret = "c29tZSBzZWNyZXQga2V5IG1hdGVyaWFs";
                byte[] KeyProperty { get; } = { 9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 9, 8, 7, 6, 5, 4 };

                void M(Aes aes, byte[] data, byte[] iv)
                {
                    aes.Key = {|SPDF1005:MasterKey|};
                    aes.Key = {|SPDF1005:Convert.FromBase64String(Secret)|};
                    aes.Key = {|SPDF1005:KeyProperty|};
                    var aes2 = new AesOptions { Cipher = Aes.Create() };
                    using var mac = new Mac({|SPDF1005:Encoding.UTF8.GetBytes("my-shared-secret")|});
                    var tag = HMACSHA256.HashData({|SPDF1005:"key"u8|}, data);
                    using var gcm = new AesGcm({|SPDF1005:new byte[32]|}, 16);
                    using var decryptor = aes.CreateDecryptor({|SPDF1005:new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 }|}, iv);
                    var incremental = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, {|SPDF1005:MasterKey|});
                    string text = "my-secret-key-1234567890";
                    var fromLocal = new HMACSHA512({|SPDF1005:Encoding.ASCII.GetBytes(text)|});
                    Func<HMAC> lambda = () => new HMACSHA384({|SPDF1005:[1, 2, 3]|});
                    using var rsa = RSA.Create();
                    rsa.ImportRSAPrivateKey({|SPDF1005:new byte[] { 0x30, 0x82 }|}, out _);
                    rsa.ImportFromPem({|SPDF1005:"-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----"|});
                }

                class AesOptions { public Aes Cipher { get; set; } = null!; }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Generated_loaded_derived_and_public_keys_are_not_reported()
    {
        const string source = """
            using System;
            using System.IO;
            using System.Security.Cryptography;
            class C
            {
                private readonly byte[] _key = new byte[32];
                void M(Aes aes, byte[] provisioned, string keyFile, string password, byte[] salt)
                {
                    aes.GenerateKey();
                    aes.Key = RandomNumberGenerator.GetBytes(32);
                    aes.Key = provisioned;
                    aes.Key = File.ReadAllBytes(keyFile);
                    aes.Key = Rfc2898DeriveBytes.Pbkdf2(password, salt, 600_000, HashAlgorithmName.SHA256, 32);
                    var key = new byte[32];
                    RandomNumberGenerator.Fill(key);
                    using var mac = new HMACSHA256(key);
                    using var loaded = new HMACSHA256(_key);
                    using var rsa = RSA.Create();
                    rsa.ImportFromPem("-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----");
                    rsa.ImportSubjectPublicKeyInfo(new byte[] { 0x30, 0x82 }, out _);
                    var notAKey = new byte[] { 1, 2, 3 };
                    Console.WriteLine(notAKey.Length);
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }
}
