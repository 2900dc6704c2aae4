using System;
using System.Security.Cryptography;
using Legacy = System.Security.Cryptography.TripleDES;

namespace Corpus.Cwe327
{
    // CASE: id=327-b01, cwe=327, expect=BAD, form=DES.Create()
    public class B01 { public ICryptoTransform Run(byte[] k, byte[] iv) { var des = DES.Create(); return des.CreateEncryptor(k, iv); } }

    // CASE: id=327-b02, cwe=327, expect=BAD, form=new TripleDESCryptoServiceProvider()
    public class B02 { public SymmetricAlgorithm Run() => new TripleDESCryptoServiceProvider(); }

    // CASE: id=327-b03, cwe=327, expect=BAD, form=RC2.Create() in field
    public class B03 { private readonly SymmetricAlgorithm _alg = RC2.Create(); public int Size => _alg.KeySize; }

    // CASE: id=327-b04, cwe=327, expect=BAD, form=alias Legacy = TripleDES, Legacy.Create()
    public class B04 { public SymmetricAlgorithm Run() => Legacy.Create(); }

    // CASE: id=327-b05, cwe=327, expect=BAD, form=SymmetricAlgorithm.Create("DES") by name
    public class B05 { public SymmetricAlgorithm Run() => (SymmetricAlgorithm)CryptoConfig.CreateFromName("DES"); }

    // CASE: id=327-b06, cwe=327, expect=BAD, form=var tdes = TripleDES.Create() in local function
    public class B06 { public byte[] Run(byte[] d) { byte[] Enc() { var tdes = TripleDES.Create(); return tdes.EncryptCbc(d, new byte[8]); } return Enc(); } }

    // CASE: id=327-b07, cwe=327, expect=BAD, form=new DESCryptoServiceProvider object initializer
    public class B07 { public SymmetricAlgorithm Run(byte[] key) => new DESCryptoServiceProvider { Key = key }; }

    // CASE: id=327-b08, cwe=327, expect=BAD, form=RC2CryptoServiceProvider target-typed new
    public class B08 { public SymmetricAlgorithm Run() { RC2CryptoServiceProvider rc2 = new(); return rc2; } }

    // CASE: id=327-g01, cwe=327, expect=GOOD, form=Aes.Create()
    public class G01 { public SymmetricAlgorithm Run() => Aes.Create(); }

    // CASE: id=327-g02, cwe=327, expect=GOOD, form=AesGcm encrypt with random nonce
    public class G02 { public void Run(byte[] key, byte[] pt, byte[] ct, byte[] tag) { var nonce = RandomNumberGenerator.GetBytes(12); using var gcm = new AesGcm(key, 16); gcm.Encrypt(nonce, pt, ct, tag); } }

    // CASE: id=327-g03, cwe=327, expect=GOOD, form=ChaCha20Poly1305
    public class G03 { public void Run(byte[] key, byte[] nonce, byte[] pt, byte[] ct, byte[] tag) { using var c = new ChaCha20Poly1305(key); c.Encrypt(nonce, pt, ct, tag); } }

    // CASE: id=327-g04, cwe=327, expect=GOOD, form=string "DES" as a display label
    public class G04 { public string Label => "DES (not supported)"; }

    // CASE: id=327-g05, cwe=327, expect=GOOD, form=CryptoConfig.CreateFromName("AES")
    public class G05 { public SymmetricAlgorithm Run() => (SymmetricAlgorithm)CryptoConfig.CreateFromName("AES"); }

    // CASE: id=327-g06, cwe=327, expect=GOOD, form=AesCcm
    public class G06 { public void Run(byte[] key, byte[] nonce, byte[] pt, byte[] ct, byte[] tag) { using var c = new AesCcm(key); c.Encrypt(nonce, pt, ct, tag); } }
}

namespace Corpus.Cwe327Mode
{
    // CASE: id=327m-b01, cwe=327, expect=BAD, form=aes.Mode = CipherMode.ECB
    public class B01 { public ICryptoTransform Run(byte[] k) { var aes = Aes.Create(); aes.Mode = CipherMode.ECB; aes.Key = k; return aes.CreateEncryptor(); } }

    // CASE: id=327m-b02, cwe=327, expect=BAD, form=Aes.EncryptEcb
    public class B02 { public byte[] Run(Aes aes, byte[] d) => aes.EncryptEcb(d, PaddingMode.PKCS7); }

    // CASE: id=327m-b03, cwe=327, expect=BAD, form=object initializer Mode = ECB
    public class B03 { public SymmetricAlgorithm Run() { var a = Aes.Create(); a.Mode = CipherMode.ECB; return a; } }

    // CASE: id=327m-b04, cwe=327, expect=BAD, form=using static CipherMode, Mode = ECB on property
    public class B04 { public Aes Cipher { get; } = Aes.Create(); public void Configure() { Cipher.Mode = CipherMode.ECB; } }

    // CASE: id=327m-b05, cwe=327, expect=BAD, form=CipherMode.CFB on Aes
    public class B05 { public void Run(Aes a) { a.Mode = CipherMode.CFB; } }

    // CASE: id=327m-b06, cwe=327, expect=BAD, form=ECB mode via mode variable
    public class B06 { public void Run(SymmetricAlgorithm a) { var mode = CipherMode.ECB; a.Mode = mode; } }

    // CASE: id=327m-g01, cwe=327, expect=GOOD, form=aes.Mode = CipherMode.CBC with random IV then HMAC
    public class G01 { public byte[] Run(byte[] k, byte[] d) { using var aes = Aes.Create(); aes.Key = k; var iv = RandomNumberGenerator.GetBytes(16); var ct = aes.EncryptCbc(d, iv); using var mac = new HMACSHA256(k); return mac.ComputeHash(ct); } }

    // CASE: id=327m-g02, cwe=327, expect=GOOD, form=Aes default mode CreateDecryptor(k, iv)
    public class G02 { public ICryptoTransform Run(byte[] k, byte[] iv) { var aes = Aes.Create(); return aes.CreateDecryptor(k, iv); } }

    // CASE: id=327m-g03, cwe=327, expect=GOOD, form=comparison with ECB, not assignment
    public class G03 { public bool IsInsecure(SymmetricAlgorithm a) => a.Mode == CipherMode.ECB; }

    // CASE: id=327m-g04, cwe=327, expect=GOOD, form=AesGcm instead of mode
    public class G04 { public AesGcm Run(byte[] k) => new AesGcm(k, 16); }
}
