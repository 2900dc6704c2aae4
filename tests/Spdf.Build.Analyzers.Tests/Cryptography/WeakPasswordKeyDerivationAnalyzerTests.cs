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
    public async Task Single_pass_hashes_of_passwords_are_reported()
    {
        const string source = """
            using System;
            using System.Linq;
            using System.Security.Cryptography;
            using System.Text;
            using static System.Text.Encoding;
            class User
            {
                public string Password { get; set; } = "";
                public byte[] Salt { get; set; } = Array.Empty<byte>();
            }
            class C
            {
                byte[] A(string password, string salt) => {|SPDF1007:SHA256.HashData(Encoding.UTF8.GetBytes(salt + password))|};
                byte[] B(string password, string salt)
                {
                    using var sha = SHA256.Create();
                    return {|SPDF1007:sha.ComputeHash(Encoding.UTF8.GetBytes(password + salt))|};
                }
                string D(User user) => System.Convert.ToBase64String({|SPDF1007:SHA512.HashData(UTF8.GetBytes($"{user.Password}:{user.Salt.Length}"))|});
                byte[] E(string pwd, byte[] salt)
                {
                    var passwordBytes = Encoding.UTF8.GetBytes(pwd);
                    var input = salt.Concat(passwordBytes).ToArray();
                    return {|SPDF1007:SHA384.HashData(input)|};
                }
                Func<string, byte[]> F => passphrase => {|SPDF1007:SHA256.HashData(Encoding.Unicode.GetBytes(passphrase))|};
                byte[] G(string newPassword) => {|SPDF1007:MD5.HashData(Encoding.ASCII.GetBytes(string.Concat("pepper", newPassword)))|};
                byte[] H(string password, byte[] salt) => {|SPDF1007:SHA256.HashData(Join(Encoding.UTF8.GetBytes(password), salt))|};
                private static byte[] Join(byte[] a, byte[] b)
                {
                    var result = new byte[a.Length + b.Length];
                    a.CopyTo(result, 0);
                    b.CopyTo(result, a.Length);
                    return result;
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Hashes_of_tokens_stored_hashes_and_stretched_passwords_are_not_reported()
    {
        const string source = """
            using System.IO;
            using System.Security.Cryptography;
            using System.Text;
            class C
            {
                byte[] A(string resetToken) => SHA256.HashData(Encoding.UTF8.GetBytes(resetToken));
                byte[] B(string passwordResetToken) => SHA256.HashData(Encoding.UTF8.GetBytes(passwordResetToken));
                byte[] D(byte[] passwordHash) => SHA256.HashData(passwordHash);
                byte[] E(Stream passwordFile) => SHA256.HashData(passwordFile);
                byte[] F(string firmwareImage) => SHA256.HashData(Encoding.UTF8.GetBytes(firmwareImage));
                byte[] G(string password, byte[] salt) => Rfc2898DeriveBytes.Pbkdf2(password, salt, 600_000, HashAlgorithmName.SHA256, 32);
                byte[] H(byte[] key, string password) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(password));
                byte[] KeyCheckValue(string password, byte[] salt) => SHA256.HashData(Stretch(password, salt));
                private static byte[] Stretch(string password, byte[] salt) => Rfc2898DeriveBytes.Pbkdf2(password, salt, 600_000, HashAlgorithmName.SHA256, 32);
                byte[] Stretched(string password, byte[] salt)
                {
                    var hash = SHA256.HashData(Encoding.UTF8.GetBytes(password));
                    for (var i = 0; i < 600_000; i++)
                        hash = SHA256.HashData(hash);
                    return hash;
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
