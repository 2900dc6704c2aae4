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
