using System;
using System.Security.Cryptography;
using System.Text;

namespace Corpus.Cwe321
{
    // CASE: id=321-b01, cwe=321, expect=BAD, form=literal key array to aes.Key
    public class B01 { public void Run(Aes aes) { aes.Key = new byte[] { 0x2b, 0x7e, 0x15, 0x16, 0x28, 0xae, 0xd2, 0xa6, 0xab, 0xf7, 0x15, 0x88, 0x09, 0xcf, 0x4f, 0x3c }; } }

    // CASE: id=321-b02, cwe=321, expect=BAD, form=constant base64 key Convert.FromBase64String
    public class B02 { private const string Key = "K7gNU3sdo+OL0wNhqoVWhr3g6s1xYv72ol/pe/Unols="; public ICryptoTransform Run(Aes a, byte[] iv) => a.CreateEncryptor(Convert.FromBase64String(Key), iv); }

    // CASE: id=321-b03, cwe=321, expect=BAD, form=HMACSHA256 key from Encoding.UTF8.GetBytes literal
    public class B03 { public byte[] Run(byte[] m) { using var h = new HMACSHA256(Encoding.UTF8.GetBytes("super-secret-mac-key-2024")); return h.ComputeHash(m); } }

    // CASE: id=321-b04, cwe=321, expect=BAD, form=static readonly key field into AesGcm
    public class B04 { private static readonly byte[] DeviceKey = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 }; public AesGcm Run() => new AesGcm(DeviceKey, 16); }

    // CASE: id=321-b05, cwe=321, expect=BAD, form=ImportRSAPrivateKey of constant base64
    public class B05 { public RSA Run() { var rsa = RSA.Create(); rsa.ImportRSAPrivateKey(Convert.FromBase64String("MIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu"), out _); return rsa; } }

    // CASE: id=321-b06, cwe=321, expect=BAD, form=Convert.FromHexString constant key to HMAC.HashData
    public class B06 { public byte[] Run(byte[] m) => HMACSHA256.HashData(Convert.FromHexString("00112233445566778899aabbccddeeff"), m); }

    // CASE: id=321-b07, cwe=321, expect=BAD, form=target-typed new with key literal in property initializer
    public class B07 { public HMACSHA512 Mac { get; } = new(new byte[] { 9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 9, 8, 7, 6, 5, 4 }); }

    // CASE: id=321-b08, cwe=321, expect=BAD, form=ImportFromPem with literal PEM private key
    public class B08 { public ECDsa Run() { var ec = ECDsa.Create(); ec.ImportFromPem("-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBkg4LVWM9nuwNSk3yByxZpYRTBnVJk5oJM7pD2Y0eAeoAoGCCqGSM49\n-----END EC PRIVATE KEY-----"); return ec; } }

    // CASE: id=321-b09, cwe=321, expect=BAD, form=ChaCha20Poly1305 key from UTF8 literal
    public class B09 { public ChaCha20Poly1305 Run() => new ChaCha20Poly1305(Encoding.ASCII.GetBytes("0123456789abcdef0123456789abcdef")); }

    // CASE: id=321-g01, cwe=321, expect=GOOD, form=aes.GenerateKey()
    public class G01 { public byte[] Run() { using var aes = Aes.Create(); aes.GenerateKey(); return aes.Key; } }

    // CASE: id=321-g02, cwe=321, expect=GOOD, form=key from RandomNumberGenerator
    public class G02 { public AesGcm Run() => new AesGcm(RandomNumberGenerator.GetBytes(32), 16); }

    // CASE: id=321-g03, cwe=321, expect=GOOD, form=key from environment variable base64
    public class G03 { public byte[] Run(byte[] m) => HMACSHA256.HashData(Convert.FromBase64String(Environment.GetEnvironmentVariable("MAC_KEY") ?? ""), m); }

    // CASE: id=321-g04, cwe=321, expect=GOOD, form=key from PBKDF2
    public class G04 { public void Run(Aes a, string pw, byte[] salt) { a.Key = Rfc2898DeriveBytes.Pbkdf2(pw, salt, 600_000, HashAlgorithmName.SHA256, 32); } }

    // CASE: id=321-g05, cwe=321, expect=GOOD, form=ImportSubjectPublicKeyInfo of constant public key
    public class G05 { public RSA Run(byte[] spki) { var rsa = RSA.Create(); rsa.ImportSubjectPublicKeyInfo(spki, out _); return rsa; } }

    // CASE: id=321-g06, cwe=321, expect=GOOD, form=new byte[32] filled by RandomNumberGenerator
    public class G06 { public HMACSHA256 Run() { var k = new byte[32]; RandomNumberGenerator.Fill(k); return new HMACSHA256(k); } }

    // CASE: id=321-g07, cwe=321, expect=GOOD, form=key parameter passed through
    public class G07 { public ICryptoTransform Run(Aes a, byte[] key, byte[] iv) => a.CreateEncryptor(key, iv); }
}
