using System.Threading.Tasks;
using Verify = Spdf.Build.Analyzers.Tests.Infrastructure.Verifier<Spdf.Build.Analyzers.Cryptography.HardCodedInitializationVectorAnalyzer>;

namespace Spdf.Build.Analyzers.Tests.Cryptography;

public sealed class HardCodedInitializationVectorAnalyzerTests
{
    [Fact]
    public async Task Literal_and_constant_IVs_and_nonces_are_reported()
    {
        const string source = """
            using System;
            using System.Security.Cryptography;
            using System.Text;
            class C
            {
                private static readonly byte[] FixedIv = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 };
                private static byte[] IvProperty => new byte[] { 0x10, 0x20, 0x30, 0x40, 0x10, 0x20, 0x30, 0x40, 0x10, 0x20, 0x30, 0x40, 0x10, 0x20, 0x30, 0x40 };
                private const string IvText = "0123456789abcdef";

                void M(Aes aes, byte[] key, byte[] data, byte[] ciphertext, byte[] tag)
                {
                    aes.IV = {|SPDF1004:new byte[16]|};
                    aes.IV = {|SPDF1004:FixedIv|};
                    aes.IV = {|SPDF1004:IvProperty|};
                    aes.IV = {|SPDF1004:Encoding.UTF8.GetBytes(IvText)|};
                    aes.IV = {|SPDF1004:Convert.FromBase64String("AAAAAAAAAAAAAAAAAAAAAA==")|};
                    aes.IV = {|SPDF1004:"0123456789abcdef"u8.ToArray()|};
                    using var encryptor = aes.CreateEncryptor(key, {|SPDF1004:new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 }|});
                    var cbc = aes.EncryptCbc(data, {|SPDF1004:new byte[16]|});
                    var settings = new Settings { Cipher = Aes.Create() };
                    settings.Cipher.IV = {|SPDF1004:FixedIv|};

                    var nonce = new byte[12];
                    using var gcm = new AesGcm(key, 16);
                    gcm.Encrypt({|SPDF1004:nonce|}, data, ciphertext, tag);
                    gcm.Encrypt({|SPDF1004:stackalloc byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 }|}, data, ciphertext, tag);
                    Action later = () => gcm.Encrypt({|SPDF1004:new byte[12]|}, data, ciphertext, tag);
                }

                void Collection(Aes aes)
                {
                    byte[] iv = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16];
                    aes.IV = {|SPDF1004:iv|};
                }

                class Settings { public SymmetricAlgorithm Cipher { get; set; } = null!; }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Zero_filled_private_fields_that_are_only_read_are_reported()
    {
        const string source = """
            using System;
            using System.Security.Cryptography;
            class C
            {
                private static readonly byte[] Iv = new byte[16];
                private readonly byte[] _iv = new byte[16];
                private static readonly byte[] ZeroNonce = new byte[12];

                byte[] Encrypt(Aes aes, byte[] data) => aes.EncryptCbc(data, {|SPDF1004:Iv|});
                byte[] Decrypt(Aes aes, byte[] data) => aes.DecryptCbc(data, Iv);
                ICryptoTransform Encryptor(Aes aes, byte[] key) => aes.CreateEncryptor(key, {|SPDF1004:this._iv|});
                void Property(Aes aes)
                {
                    aes.IV = {|SPDF1004:C.Iv|};
                    Console.WriteLine(Iv.Length);
                }
                void Gcm(AesGcm gcm, byte[] data, byte[] ciphertext, byte[] tag) => gcm.Encrypt({|SPDF1004:ZeroNonce|}, data, ciphertext, tag);
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Zero_filled_fields_that_are_filled_or_visible_outside_are_not_reported()
    {
        const string source = """
            using System;
            using System.Security.Cryptography;
            class Filled
            {
                private static readonly byte[] Iv = new byte[16];
                static Filled() => RandomNumberGenerator.Fill(Iv);
                byte[] Encrypt(Aes aes, byte[] data) => aes.EncryptCbc(data, Iv);
            }
            class Written
            {
                private readonly byte[] _iv = new byte[16];
                byte[] Encrypt(Aes aes, byte[] data, byte[] received)
                {
                    received.CopyTo(_iv, 0);
                    return aes.EncryptCbc(data, _iv);
                }
            }
            class ElementWrite
            {
                private readonly byte[] _iv = new byte[16];
                byte[] Encrypt(Aes aes, byte[] data, long counter)
                {
                    _iv[15] = (byte)counter;
                    return aes.EncryptCbc(data, _iv);
                }
            }
            class Visible
            {
                internal static readonly byte[] Iv = new byte[16];
                byte[] Encrypt(Aes aes, byte[] data) => aes.EncryptCbc(data, Iv);
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Random_derived_read_and_counter_IVs_are_not_reported()
    {
        const string source = """
            using System;
            using System.Buffers.Binary;
            using System.IO;
            using System.Security.Cryptography;
            class C
            {
                private readonly byte[] _counterNonce = new byte[12];
                private long _counter;

                void Random(Aes aes)
                {
                    aes.GenerateIV();
                    aes.IV = RandomNumberGenerator.GetBytes(16);
                    var iv = new byte[16];
                    RandomNumberGenerator.Fill(iv);
                    aes.IV = iv;
                    Span<byte> nonce = stackalloc byte[12];
                    RandomNumberGenerator.Fill(nonce);
                }

                void Read(Aes aes, Stream input)
                {
                    var iv = new byte[16];
                    input.ReadExactly(iv);
                    aes.IV = iv;
                }

                void Derived(Aes aes, string password, byte[] salt)
                {
                    using var kdf = new Rfc2898DeriveBytes(password, salt, 600_000, HashAlgorithmName.SHA256);
                    aes.Key = kdf.GetBytes(32);
                    aes.IV = kdf.GetBytes(16);
                }

                void Counter(AesGcm gcm, byte[] data, byte[] ciphertext, byte[] tag)
                {
                    BinaryPrimitives.WriteInt64BigEndian(_counterNonce.AsSpan(4), ++_counter);
                    gcm.Encrypt(_counterNonce, data, ciphertext, tag);
                    var nonce = new byte[12];
                    nonce[11] = (byte)_counter;
                    gcm.Encrypt(nonce, data, ciphertext, tag);
                }

                byte[] Decrypt(Aes aes, byte[] data) => aes.DecryptCbc(data, new byte[16]);
                void Parameter(Aes aes, byte[] iv) => aes.IV = iv;
                byte[] NotAnIv() => new byte[16];
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }
}
