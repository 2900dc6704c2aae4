using System;
using System.Security.Cryptography;
using System.Text;

namespace Corpus.Cwe916
{
    // CASE: id=916-b01, cwe=916, expect=BAD, form=new PasswordDeriveBytes
    public class B01 { public byte[] Run(string pw, byte[] salt) => new PasswordDeriveBytes(pw, salt).GetBytes(32); }

    // CASE: id=916-b02, cwe=916, expect=BAD, form=Rfc2898DeriveBytes(pw, salt) implicit SHA-1 and 1000 iterations
    public class B02 { public byte[] Run(string pw, byte[] salt) { var kdf = new Rfc2898DeriveBytes(pw, salt); return kdf.GetBytes(32); } }

    // CASE: id=916-b03, cwe=916, expect=BAD, form=Rfc2898DeriveBytes explicit SHA1
    public class B03 { public byte[] Run(string pw, byte[] salt) => new Rfc2898DeriveBytes(pw, salt, 600_000, HashAlgorithmName.SHA1).GetBytes(32); }

    // CASE: id=916-b04, cwe=916, expect=BAD, form=Pbkdf2 SHA256 with 1000 iterations constant
    public class B04 { private const int Iterations = 1000; public byte[] Run(string pw, byte[] salt) => Rfc2898DeriveBytes.Pbkdf2(pw, salt, Iterations, HashAlgorithmName.SHA256, 32); }

    // CASE: id=916-b05, cwe=916, expect=BAD, form=Pbkdf2 with constant salt literal
    public class B05 { public byte[] Run(string pw) => Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(pw), Encoding.UTF8.GetBytes("static-salt"), 600_000, HashAlgorithmName.SHA256, 32); }

    // CASE: id=916-b06, cwe=916, expect=BAD, form=salted SHA256 password hash (single iteration)
    public class B06 { public byte[] HashPassword(string password, byte[] salt) => SHA256.HashData(Combine(Encoding.UTF8.GetBytes(password), salt)); private static byte[] Combine(byte[] a, byte[] b) { var r = new byte[a.Length + b.Length]; a.CopyTo(r, 0); b.CopyTo(r, a.Length); return r; } }

    // CASE: id=916-b07, cwe=916, expect=BAD, form=Rfc2898DeriveBytes iterations 10000 SHA256 target-typed
    public class B07 { public byte[] Run(string pw, byte[] salt) { Rfc2898DeriveBytes kdf = new(pw, salt, 10_000, HashAlgorithmName.SHA256); return kdf.GetBytes(32); } }

    // CASE: id=916-b08, cwe=916, expect=BAD, form=kdf.IterationCount = 100 later
    public class B08 { public byte[] Run(string pw, byte[] salt) { var kdf = new Rfc2898DeriveBytes(pw, salt, 600_000, HashAlgorithmName.SHA256); kdf.IterationCount = 100; return kdf.GetBytes(32); } }

    // CASE: id=916-b09, cwe=916, expect=BAD, form=constant salt field byte array into Rfc2898DeriveBytes
    public class B09 { private static readonly byte[] Salt = { 1, 2, 3, 4, 5, 6, 7, 8 }; public byte[] Run(string pw) => new Rfc2898DeriveBytes(pw, Salt, 600_000, HashAlgorithmName.SHA256).GetBytes(32); }

    // CASE: id=916-g01, cwe=916, expect=GOOD, form=Pbkdf2 SHA256 600000 random salt
    public class G01 { public byte[] Run(string pw) { var salt = RandomNumberGenerator.GetBytes(16); return Rfc2898DeriveBytes.Pbkdf2(pw, salt, 600_000, HashAlgorithmName.SHA256, 32); } }

    // CASE: id=916-g02, cwe=916, expect=GOOD, form=Rfc2898DeriveBytes SHA512 210000 salt parameter
    public class G02 { public byte[] Run(string pw, byte[] salt) => new Rfc2898DeriveBytes(pw, salt, 210_000, HashAlgorithmName.SHA512).GetBytes(64); }

    // CASE: id=916-g03, cwe=916, expect=GOOD, form=Rfc2898DeriveBytes with iteration count from configuration
    public class G03 { public byte[] Run(string pw, byte[] salt, int configuredIterations) => Rfc2898DeriveBytes.Pbkdf2(pw, salt, configuredIterations, HashAlgorithmName.SHA256, 32); }

    // CASE: id=916-g04, cwe=916, expect=GOOD, form=HKDF over a random key (not a password)
    public class G04 { public byte[] Run(byte[] ikm, byte[] info) => HKDF.DeriveKey(HashAlgorithmName.SHA256, ikm, 32, RandomNumberGenerator.GetBytes(16), info); }

    // CASE: id=916-g05, cwe=916, expect=GOOD, form=constant named Iterations = 600000
    public class G05 { private const int Iterations = 600_000; public byte[] Run(string pw, byte[] salt) => Rfc2898DeriveBytes.Pbkdf2(pw, salt, Iterations, HashAlgorithmName.SHA256, 32); }

    // CASE: id=916-g06, cwe=916, expect=GOOD, form=SHA256 of a file (not a password)
    public class G06 { public byte[] Run(System.IO.Stream firmware) => SHA256.HashData(firmware); }
}
