using System;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;

namespace Corpus.Cwe636
{
    // CASE: id=636-b01, cwe=636, expect=BAD, form=catch returns true in VerifySignature
    public class B01 { public bool VerifySignature(RSA rsa, byte[] d, byte[] s) { try { return rsa.VerifyData(d, s, HashAlgorithmName.SHA256, RSASignaturePadding.Pss); } catch (CryptographicException) { return true; } } }

    // CASE: id=636-b02, cwe=636, expect=BAD, form=catch-all swallow in Authenticate then return true
    public class B02 { public bool Authenticate(string user, string pw, Func<string, string, bool> check) { bool ok = true; try { ok = check(user, pw); } catch { } return ok; } }

    // CASE: id=636-b03, cwe=636, expect=BAD, form=async IsAuthorized catch returns true
    public class B03 { public async Task<bool> IsAuthorizedAsync(Func<Task<bool>> policy) { try { return await policy(); } catch (Exception) { return true; } } }

    // CASE: id=636-b04, cwe=636, expect=BAD, form=ValidateCertificate catch returns true via variable
    public class B04 { public bool ValidateCertificate(X509Certificate2 c) { try { using var ch = new X509Chain(); return ch.Build(c); } catch (Exception ex) { Console.WriteLine(ex.Message); return true; } } }

    // CASE: id=636-b05, cwe=636, expect=BAD, form=VerifyMac catch when returns true
    public class B05 { public bool VerifyMac(byte[] k, byte[] m, byte[] t) { try { return CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(k, m), t); } catch (ArgumentException) when (t.Length == 0) { return true; } } }

    // CASE: id=636-g01, cwe=636, expect=GOOD, form=catch returns false
    public class G01 { public bool VerifySignature(RSA rsa, byte[] d, byte[] s) { try { return rsa.VerifyData(d, s, HashAlgorithmName.SHA256, RSASignaturePadding.Pss); } catch (CryptographicException) { return false; } } }

    // CASE: id=636-g02, cwe=636, expect=GOOD, form=catch rethrows in Authenticate
    public class G02 { public bool Authenticate(Func<bool> check) { try { return check(); } catch (Exception ex) { throw new UnauthorizedAccessException("auth failed", ex); } } }

    // CASE: id=636-g03, cwe=636, expect=GOOD, form=catch returns true in non-security method
    public class G03 { public bool TryDeleteTempFile(string p) { try { System.IO.File.Delete(p); return true; } catch (System.IO.IOException) { return true; } } }

    // CASE: id=636-g04, cwe=636, expect=GOOD, form=ok=false default, swallow, return ok
    public class G04 { public bool Authorize(Func<bool> policy) { bool ok = false; try { ok = policy(); } catch (InvalidOperationException) { } return ok; } }

    // CASE: id=636-g05, cwe=636, expect=GOOD, form=catch logs and returns false in ValidateToken
    public class G05 { public bool ValidateToken(string t, Func<string, bool> v) { try { return v(t); } catch (FormatException ex) { Console.Error.WriteLine(ex.GetType().Name); return false; } } }
}
