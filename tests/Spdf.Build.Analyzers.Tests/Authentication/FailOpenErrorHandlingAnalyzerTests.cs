using System.Threading.Tasks;
using Verify = Spdf.Build.Analyzers.Tests.Infrastructure.Verifier<Spdf.Build.Analyzers.Authentication.FailOpenErrorHandlingAnalyzer>;

namespace Spdf.Build.Analyzers.Tests.Authentication;

public sealed class FailOpenErrorHandlingAnalyzerTests
{
    [Fact]
    public async Task Catch_blocks_that_grant_access_are_reported()
    {
        const string source = """
            using System;
            using System.Security.Cryptography;
            using System.Security.Cryptography.X509Certificates;
            using System.Threading.Tasks;
            enum AuthResult { Denied, Success }
            class C
            {
                bool VerifySignature(RSA rsa, byte[] data, byte[] signature)
                {
                    try { return rsa.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pss); }
                    {|SPDF2004:catch|} (CryptographicException) { return true; }
                }

                AuthResult Authenticate(string user, string password)
                {
                    try { return Lookup(user, password); }
                    {|SPDF2004:catch|} { return AuthResult.Success; }
                }

                void ValidateCertificate(X509Certificate2 certificate)
                {
                    try { Check(certificate); }
                    {|SPDF2004:catch|} (Exception ex) { Console.WriteLine(ex.Message); }
                }

                async Task AuthorizeAsync(string user)
                {
                    try { await Task.Delay(1); }
                    {|SPDF2004:catch|} (Exception) { }
                }

                bool IsTokenValid(string token)
                {
                    try { Parse(token); }
                    {|SPDF2004:catch|} (FormatException) { Console.WriteLine("bad token"); }
                    return true;
                }

                static AuthResult Lookup(string u, string p) => AuthResult.Denied;
                static void Check(X509Certificate2 c) { }
                static void Parse(string t) { }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Success_flags_left_set_by_a_swallowing_handler_are_reported()
    {
        const string source = """
            using System;
            using System.Security.Cryptography.X509Certificates;
            enum AuthResult { Denied, Success }
            class C
            {
                bool Authenticate(string user, string password)
                {
                    bool ok = true;
                    try { ok = Check(user, password); }
                    {|SPDF2004:catch|} { }
                    return ok;
                }

                bool ValidateToken(string token)
                {
                    var valid = true;
                    try
                    {
                        valid = token.Length > 10 && Check(token, token);
                    }
                    {|SPDF2004:catch|} (FormatException ex)
                    {
                        Console.WriteLine(ex.Message);
                    }
                    return valid;
                }

                AuthResult Login(string user)
                {
                    AuthResult result = AuthResult.Success;
                    try { result = Lookup(user); }
                    {|SPDF2004:catch|} (Exception) { Console.WriteLine("lookup failed"); }
                    return result;
                }

                static bool Check(string a, string b) => a == b;
                static AuthResult Lookup(string user) => AuthResult.Denied;
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Flags_that_start_as_failure_or_are_reset_by_the_handler_are_not_reported()
    {
        const string source = """
            using System;
            class C
            {
                bool Authenticate(string user, string password)
                {
                    bool ok = false;
                    try { ok = Check(user, password); }
                    catch { }
                    return ok;
                }

                bool ValidateToken(string token)
                {
                    var valid = true;
                    try { valid = Check(token, token); }
                    catch (FormatException) { valid = false; }
                    return valid;
                }

                bool VerifySignature(byte[] data)
                {
                    bool ok = true;
                    try { ok = data.Length > 0; }
                    catch { throw; }
                    return ok;
                }

                int ParseCount(string text)
                {
                    var count = 1;
                    try { count = int.Parse(text); }
                    catch (FormatException) { }
                    return count;
                }

                static bool Check(string a, string b) => a == b;
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Fail_closed_handlers_and_unrelated_methods_are_not_reported()
    {
        const string source = """
            using System;
            using System.IO;
            using System.Security.Cryptography;
            class C
            {
                bool VerifySignature(RSA rsa, byte[] data, byte[] signature)
                {
                    try { return rsa.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pss); }
                    catch (CryptographicException) { return false; }
                }

                void ValidateCertificate(byte[] raw)
                {
                    try { Parse(raw); }
                    catch (FormatException ex) { throw new CryptographicException("bad certificate", ex); }
                }

                bool IsTokenValid(string token)
                {
                    var valid = false;
                    try { valid = token.Length > 10; }
                    catch (Exception) { valid = false; }
                    return valid;
                }

                bool LoadSettings(string path)
                {
                    try { File.ReadAllText(path); }
                    catch (IOException) { }
                    return true;
                }

                void Authenticate(string user)
                {
                    Action retry = () => { try { Parse(Array.Empty<byte>()); } catch { } };
                    try { Parse(Array.Empty<byte>()); }
                    catch { throw; }
                }

                static void Parse(byte[] raw) { }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }
}
