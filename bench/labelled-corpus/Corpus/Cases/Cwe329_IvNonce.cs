using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace Corpus.Cwe329
{
    // CASE: id=329-b01, cwe=329, expect=BAD, form=literal IV array into CreateEncryptor
    public class B01 { public ICryptoTransform Run(Aes aes, byte[] key) => aes.CreateEncryptor(key, new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 }); }

    // CASE: id=329-b02, cwe=329, expect=BAD, form=static readonly IV field assigned to aes.IV
    public class B02 { private static readonly byte[] Iv = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }; public void Run(Aes aes) { aes.IV = Iv; } }

    // CASE: id=329-b03, cwe=329, expect=BAD, form=Encoding.UTF8.GetBytes("constant") as IV
    public class B03 { public byte[] Run(Aes aes, byte[] d) => aes.EncryptCbc(d, Encoding.UTF8.GetBytes("0123456789abcdef")); }

    // CASE: id=329-b04, cwe=329, expect=BAD, form=constant nonce into AesGcm.Encrypt
    public class B04 { public void Run(AesGcm gcm, byte[] pt, byte[] ct, byte[] tag) { var nonce = new byte[12]; gcm.Encrypt(nonce, pt, ct, tag); } }

    // CASE: id=329-b05, cwe=329, expect=BAD, form=object initializer IV = new byte[16]
    public class B05 { public ICryptoTransform Run(byte[] key) { var aes = Aes.Create(); aes.Key = key; aes.IV = new byte[16]; return aes.CreateEncryptor(); } }

    // CASE: id=329-b06, cwe=329, expect=BAD, form=Convert.FromBase64String constant IV
    public class B06 { private const string IvText = "AAECAwQFBgcICQoLDA0ODw=="; public ICryptoTransform Run(Aes a, byte[] k) => a.CreateEncryptor(k, Convert.FromBase64String(IvText)); }

    // CASE: id=329-b07, cwe=329, expect=BAD, form=ChaCha20Poly1305 with literal nonce in lambda
    public class B07 { public Action<ChaCha20Poly1305, byte[], byte[], byte[]> Enc = (c, p, ct, t) => c.Encrypt(new byte[12] { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 }, p, ct, t); }

    // CASE: id=329-b08, cwe=329, expect=BAD, form=static readonly new byte[16] IV field into EncryptCbc
    public class B08 { private static readonly byte[] FixedIv = new byte[16]; public byte[] Run(Aes a, byte[] d) => a.EncryptCbc(d, FixedIv); }

    // CASE: id=329-g01, cwe=329, expect=GOOD, form=RandomNumberGenerator.GetBytes IV
    public class G01 { public ICryptoTransform Run(Aes aes, byte[] key) { var iv = RandomNumberGenerator.GetBytes(16); return aes.CreateEncryptor(key, iv); } }

    // CASE: id=329-g02, cwe=329, expect=GOOD, form=aes.GenerateIV()
    public class G02 { public ICryptoTransform Run(byte[] key) { var aes = Aes.Create(); aes.Key = key; aes.GenerateIV(); return aes.CreateEncryptor(); } }

    // CASE: id=329-g03, cwe=329, expect=GOOD, form=IV read from the ciphertext file for decryption
    public class G03 { public ICryptoTransform Run(Aes aes, byte[] key, Stream s) { var iv = new byte[16]; s.ReadExactly(iv); return aes.CreateDecryptor(key, iv); } }

    // CASE: id=329-g04, cwe=329, expect=GOOD, form=nonce filled by RandomNumberGenerator.Fill
    public class G04 { public void Run(AesGcm gcm, byte[] pt, byte[] ct, byte[] tag) { var nonce = new byte[12]; RandomNumberGenerator.Fill(nonce); gcm.Encrypt(nonce, pt, ct, tag); } }

    // CASE: id=329-g05, cwe=329, expect=GOOD, form=IV derived from Rfc2898DeriveBytes
    public class G05 { public ICryptoTransform Run(Aes aes, string pw, byte[] salt) { var kdf = new Rfc2898DeriveBytes(pw, salt, 600_000, HashAlgorithmName.SHA256); return aes.CreateEncryptor(kdf.GetBytes(32), kdf.GetBytes(16)); } }

    // CASE: id=329-g06, cwe=329, expect=GOOD, form=decrypt with IV parameter
    public class G06 { public byte[] Run(Aes a, byte[] ct, byte[] iv) => a.DecryptCbc(ct, iv); }

    // CASE: id=329-g07, cwe=329, expect=GOOD, form=counter nonce from BinaryPrimitives of a sequence number
    public class G07 { private long _seq; public void Run(AesGcm gcm, byte[] pt, byte[] ct, byte[] tag) { var nonce = new byte[12]; System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(nonce.AsSpan(4), ++_seq); gcm.Encrypt(nonce, pt, ct, tag); } }
}
