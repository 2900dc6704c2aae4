using System.Threading.Tasks;
using Verify = Spdf.Build.Analyzers.Tests.Infrastructure.Verifier<Spdf.Build.Analyzers.Cryptography.WeakPasswordKeyDerivationAnalyzer, Spdf.Build.Analyzers.CodeFixes.WeakPasswordKeyDerivationCodeFixProvider>;

namespace Spdf.Build.Analyzers.Tests.Cryptography;

public sealed class WeakPasswordKeyDerivationAnalyzerTests
{
    [Fact]
    public async Task Weak_KDF_forms_are_reported()
    {
        const string source = """
            #pragma warning disable SYSLIB0041, SYSLIB0060
            using System;
            using System.Security.Cryptography;
            using System.Text;
            using Kdf = System.Security.Cryptography.Rfc2898DeriveBytes;
            class C
            {
                private static readonly byte[] FixedSalt = { 1, 2, 3, 4, 5, 6, 7, 8 };
                private const int Iterations = 10_000;

                void M(string password, byte[] salt)
                {
                    var a = {|SPDF1007:new PasswordDeriveBytes(password, salt)|};
                    var b = {|SPDF1007:new Rfc2898DeriveBytes(password, salt)|};
                    var c = {|SPDF1007:new Kdf(password, 16, 100_000)|};
                    var d = new Rfc2898DeriveBytes(password, salt, 600_000, {|SPDF1007:HashAlgorithmName.SHA1|});
                    var e = new Rfc2898DeriveBytes(password, salt, {|SPDF1007:Iterations|}, HashAlgorithmName.SHA256);
                    var f = Rfc2898DeriveBytes.Pbkdf2(password, salt, {|SPDF1007:1000|}, HashAlgorithmName.SHA512, 32);
                    var g = Rfc2898DeriveBytes.Pbkdf2(password, {|SPDF1007:FixedSalt|}, 600_000, HashAlgorithmName.SHA256, 32);
                    var h = Rfc2898DeriveBytes.Pbkdf2(password, {|SPDF1007:Encoding.UTF8.GetBytes("static-salt")|}, 600_000, HashAlgorithmName.SHA256, 32);
                    var i = new Rfc2898DeriveBytes(password, salt, 600_000, HashAlgorithmName.SHA256);
                    i.IterationCount = {|SPDF1007:1000|};
                    Func<byte[]> lambda = () => Rfc2898DeriveBytes.Pbkdf2(password, salt, 600_000, {|SPDF1007:new HashAlgorithmName("SHA1")|}, 32);
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Strong_KDF_configurations_are_not_reported()
    {
        const string source = """
            using System.Security.Cryptography;
            class C
            {
                void M(string password, int iterations, HashAlgorithmName configured)
                {
                    var salt = RandomNumberGenerator.GetBytes(16);
                    var a = Rfc2898DeriveBytes.Pbkdf2(password, salt, 600_000, HashAlgorithmName.SHA256, 32);
                    var b = Rfc2898DeriveBytes.Pbkdf2(password, salt, 210_000, HashAlgorithmName.SHA512, 64);
                    var c = new Rfc2898DeriveBytes(password, salt, 1_000_000, HashAlgorithmName.SHA384);
                    var d = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, 32);
                    var e = Rfc2898DeriveBytes.Pbkdf2(password, salt, 600_000, configured, 32);
                    var f = new Rfc2898DeriveBytes(password, 16, 600_000, HashAlgorithmName.SHA256);
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Code_fix_moves_to_SHA256_and_600000_iterations()
    {
        const string source = """
            #pragma warning disable SYSLIB0041
            using System.Security.Cryptography;
            class C
            {
                void M(string password, byte[] salt)
                {
                    var a = {|SPDF1007:new Rfc2898DeriveBytes(password, salt)|};
                    var b = {|SPDF1007:new Rfc2898DeriveBytes(password, salt, 10000)|};
                    var c = Rfc2898DeriveBytes.Pbkdf2(password, salt, 1000, {|SPDF1007:HashAlgorithmName.SHA1|}, 32);
                    var d = Rfc2898DeriveBytes.Pbkdf2(password, salt, {|SPDF1007:1000|}, HashAlgorithmName.SHA512, 64);
                }
            }
            """;
        const string fixedSource = """
            #pragma warning disable SYSLIB0041
            using System.Security.Cryptography;
            class C
            {
                void M(string password, byte[] salt)
                {
                    var a = new Rfc2898DeriveBytes(password, salt, 600_000, HashAlgorithmName.SHA256);
                    var b = new Rfc2898DeriveBytes(password, salt, 600_000, HashAlgorithmName.SHA256);
                    var c = Rfc2898DeriveBytes.Pbkdf2(password, salt, 600_000, HashAlgorithmName.SHA256, 32);
                    var d = Rfc2898DeriveBytes.Pbkdf2(password, salt, 210_000, HashAlgorithmName.SHA512, 64);
                }
            }
            """;
        await Verify.VerifyCodeFixAsync(source, fixedSource, fixAllIterations: 2);
    }
}
