using System;
using System.Linq;
using System.Security.Cryptography;

namespace Corpus.Cwe208
{
    // CASE: id=208-b01, cwe=208, expect=BAD, form=SequenceEqual on HMAC output
    public class B01 { public bool Run(byte[] key, byte[] msg, byte[] tag) { var mac = HMACSHA256.HashData(key, msg); return mac.SequenceEqual(tag); } }

    // CASE: id=208-b02, cwe=208, expect=BAD, form=string == on token hex
    public class B02 { public bool Run(string expectedToken, string providedToken) => expectedToken == providedToken; }

    // CASE: id=208-b03, cwe=208, expect=BAD, form=loop early exit on signature bytes
    public class B03 { public bool Run(byte[] signature, byte[] expected) { if (signature.Length != expected.Length) return false; for (int i = 0; i < signature.Length; i++) { if (signature[i] != expected[i]) return false; } return true; } }

    // CASE: id=208-b04, cwe=208, expect=BAD, form=Convert.ToHexString(hash) string.Equals
    public class B04 { public bool Run(byte[] data, string expectedHash) { var hash = Convert.ToHexString(SHA256.HashData(data)); return string.Equals(hash, expectedHash, StringComparison.OrdinalIgnoreCase); } }

    // CASE: id=208-b05, cwe=208, expect=BAD, form=ReadOnlySpan SequenceEqual on mac
    public class B05 { public bool Run(byte[] mac, byte[] computedMac) => mac.AsSpan().SequenceEqual(computedMac); }

    // CASE: id=208-b06, cwe=208, expect=BAD, form=apiKey.Equals(provided)
    public class B06 { private readonly string _apiKey; public B06(string k) { _apiKey = k; } public bool Authorize(string provided) => _apiKey.Equals(provided); }

    // CASE: id=208-g01, cwe=208, expect=GOOD, form=CryptographicOperations.FixedTimeEquals
    public class G01 { public bool Run(byte[] key, byte[] msg, byte[] tag) => CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(key, msg), tag); }

    // CASE: id=208-g02, cwe=208, expect=GOOD, form=== on non-secret names
    public class G02 { public bool Run(string deviceName, string expectedName) => deviceName == expectedName; }

    // CASE: id=208-g03, cwe=208, expect=GOOD, form=SequenceEqual on serial numbers
    public class G03 { public bool Run(byte[] serialNumber, byte[] expectedSerial) => serialNumber.SequenceEqual(expectedSerial); }

    // CASE: id=208-g04, cwe=208, expect=GOOD, form=token == null check
    public class G04 { public bool Missing(string token) => token == null || token.Length == 0; }

    // CASE: id=208-g05, cwe=208, expect=GOOD, form=hash length comparison
    public class G05 { public bool Run(byte[] hash) => hash.Length == 32; }
}
