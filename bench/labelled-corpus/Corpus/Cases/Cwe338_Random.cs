using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace Corpus.Cwe338
{
    // CASE: id=338-b01, cwe=338, expect=BAD, form=new Random().NextBytes into key
    public class B01 { public byte[] Run() { var key = new byte[32]; new Random().NextBytes(key); return key; } }

    // CASE: id=338-b02, cwe=338, expect=BAD, form=Random.Shared.Next token string
    public class B02 { public string CreateSessionToken() => Random.Shared.Next().ToString("x8") + Random.Shared.Next().ToString("x8"); }

    // CASE: id=338-b03, cwe=338, expect=BAD, form=random field NextBytes into aes.IV
    public class B03 { private readonly Random _rng = new Random(); public void Run(Aes aes) { var iv = new byte[16]; _rng.NextBytes(iv); aes.IV = iv; } }

    // CASE: id=338-b04, cwe=338, expect=BAD, form=password generator with Random and LINQ
    public class B04 { public string GeneratePassword() { var r = new Random(); return new string(Enumerable.Range(0, 12).Select(_ => (char)r.Next(33, 126)).ToArray()); } }

    // CASE: id=338-b05, cwe=338, expect=BAD, form=salt from Random target-typed new
    public class B05 { public byte[] Run(string pw) { Random rnd = new(); var salt = new byte[16]; rnd.NextBytes(salt); return Rfc2898DeriveBytes.Pbkdf2(pw, salt, 600_000, HashAlgorithmName.SHA256, 32); } }

    // CASE: id=338-b06, cwe=338, expect=BAD, form=nonce from Random in local function
    public class B06 { public void Run(AesGcm gcm, byte[] pt, byte[] ct, byte[] tag) { byte[] MakeNonce() { var n = new byte[12]; new Random().NextBytes(n); return n; } gcm.Encrypt(MakeNonce(), pt, ct, tag); } }

    // CASE: id=338-b07, cwe=338, expect=BAD, form=reset code from Random.Next(100000, 999999)
    public class B07 { public string CreatePasswordResetCode() { var random = new Random(); int otp = random.Next(100000, 999999); return otp.ToString(); } }

    // CASE: id=338-b08, cwe=338, expect=BAD, form=api key via Random bytes and Convert.ToBase64String
    public class B08 { public string NewApiKey() { var bytes = new byte[24]; Random.Shared.NextBytes(bytes); var apiKey = Convert.ToBase64String(bytes); return apiKey; } }

    // CASE: id=338-g01, cwe=338, expect=GOOD, form=RandomNumberGenerator.GetBytes key
    public class G01 { public byte[] Run() => RandomNumberGenerator.GetBytes(32); }

    // CASE: id=338-g02, cwe=338, expect=GOOD, form=Random for UI jitter delay
    public class G02 { public TimeSpan RetryDelay(int attempt) => TimeSpan.FromMilliseconds(100 * attempt + Random.Shared.Next(0, 50)); }

    // CASE: id=338-g03, cwe=338, expect=GOOD, form=Random with seed for test data shuffle
    public class G03 { public int[] Shuffle(int[] items) { var r = new Random(42); return items.OrderBy(_ => r.Next()).ToArray(); } }

    // CASE: id=338-g04, cwe=338, expect=GOOD, form=RandomNumberGenerator.GetInt32 OTP
    public class G04 { public string CreatePasswordResetCode() => RandomNumberGenerator.GetInt32(100000, 1000000).ToString(); }

    // CASE: id=338-g05, cwe=338, expect=GOOD, form=Random for sampling telemetry
    public class G05 { private readonly Random _sample = new Random(); public bool ShouldSample() => _sample.NextDouble() < 0.01; }

    // CASE: id=338-g06, cwe=338, expect=GOOD, form=RandomNumberGenerator.Fill token
    public class G06 { public string CreateSessionToken() { Span<byte> b = stackalloc byte[32]; RandomNumberGenerator.Fill(b); return Convert.ToHexString(b); } }

    // CASE: id=338-g07, cwe=338, expect=GOOD, form=Random picks a colour for a chart
    public class G07 { private static readonly string[] Colours = { "red", "green", "blue" }; public string PickColour() => Colours[Random.Shared.Next(Colours.Length)]; }
}
