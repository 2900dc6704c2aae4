using System;
using System.Security.Cryptography;
using System.Text;
using Hasher = System.Security.Cryptography.MD5;
using static System.Security.Cryptography.SHA1;

namespace Corpus.Cwe328
{
    // CASE: id=328-b01, cwe=328, expect=BAD, form=MD5.Create() hashing a password
    public class B01 { public byte[] Run(string password) { using var md5 = MD5.Create(); return md5.ComputeHash(Encoding.UTF8.GetBytes(password)); } }

    // CASE: id=328-b02, cwe=328, expect=BAD, form=new SHA1CryptoServiceProvider()
    public class B02 { public byte[] Run(byte[] token) { var sha = new SHA1CryptoServiceProvider(); return sha.ComputeHash(token); } }

    // CASE: id=328-b03, cwe=328, expect=BAD, form=static MD5.HashData
    public class B03 { public string Run(string pin) => Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(pin))); }

    // CASE: id=328-b04, cwe=328, expect=BAD, form=alias Hasher = MD5, Hasher.Create()
    public class B04 { public byte[] Run(byte[] data) { using (var h = Hasher.Create()) { return h.ComputeHash(data); } } }

    // CASE: id=328-b05, cwe=328, expect=BAD, form=using static SHA1, HashData(...)
    public class B05 { public byte[] Run(byte[] signatureInput) => HashData(signatureInput); }

    // CASE: id=328-b06, cwe=328, expect=BAD, form=HMACMD5 with key in field initializer
    public class B06 { private readonly HMAC _mac = new HMACMD5(); public byte[] Run(byte[] msg) => _mac.ComputeHash(msg); }

    // CASE: id=328-b07, cwe=328, expect=BAD, form=CryptoConfig.CreateFromName("MD5")
    public class B07 { public byte[] Run(byte[] data) { var alg = (HashAlgorithm)CryptoConfig.CreateFromName("MD5"); return alg.ComputeHash(data); } }

    // CASE: id=328-b08, cwe=328, expect=BAD, form=HMACSHA1 target-typed new in property
    public class B08 { private HMACSHA1 Mac { get; } = new(new byte[32]); public byte[] Run(byte[] m) => Mac.ComputeHash(m); }

    // CASE: id=328-b09, cwe=328, expect=BAD, form=SHA1.Create() inside lambda
    public class B09 { public Func<byte[], byte[]> Hash = d => SHA1.Create().ComputeHash(d); }

    // CASE: id=328-b10, cwe=328, expect=BAD, form=async method MD5 ComputeHashAsync
    public class B10 { public async System.Threading.Tasks.Task<byte[]> Run(System.IO.Stream s) { using var md5 = MD5.Create(); return await md5.ComputeHashAsync(s); } }

    // CASE: id=328-b11, cwe=328, expect=BAD, form=HMACSHA1.HashData static
    public class B11 { public byte[] Run(byte[] key, byte[] msg) => HMACSHA1.HashData(key, msg); }

    // CASE: id=328-g01, cwe=328, expect=GOOD, form=SHA256.Create()
    public class G01 { public byte[] Run(string password) { using var sha = SHA256.Create(); return sha.ComputeHash(Encoding.UTF8.GetBytes(password)); } }

    // CASE: id=328-g02, cwe=328, expect=GOOD, form=static SHA384.HashData
    public class G02 { public byte[] Run(byte[] d) => SHA384.HashData(d); }

    // CASE: id=328-g03, cwe=328, expect=GOOD, form=HMACSHA256 with key parameter
    public class G03 { public byte[] Run(byte[] key, byte[] m) { using var mac = new HMACSHA256(key); return mac.ComputeHash(m); } }

    // CASE: id=328-g04, cwe=328, expect=GOOD, form=class named Md5Helper using SHA512
    public class Md5Helper { public byte[] Run(byte[] d) => SHA512.HashData(d); }

    // CASE: id=328-g05, cwe=328, expect=GOOD, form=string "MD5" in a log message only
    public class G05 { public string Run() => "Legacy MD5 checksums are no longer accepted"; }

    // CASE: id=328-g06, cwe=328, expect=GOOD, form=IncrementalHash SHA256
    public class G06 { public byte[] Run(byte[] d) { using var h = IncrementalHash.CreateHash(HashAlgorithmName.SHA256); h.AppendData(d); return h.GetHashAndReset(); } }

    // CASE: id=328-g07, cwe=328, expect=GOOD, form=SHA3_256 when supported
    public class G07 { public byte[] Run(byte[] d) => SHA3_256.IsSupported ? SHA3_256.HashData(d) : SHA256.HashData(d); }

    // CASE: id=328-g08, cwe=328, expect=GOOD, form=HashAlgorithmName.SHA256 for RSA signing
    public class G08 { public byte[] Run(RSA rsa, byte[] d) => rsa.SignData(d, HashAlgorithmName.SHA256, RSASignaturePadding.Pss); }
}
