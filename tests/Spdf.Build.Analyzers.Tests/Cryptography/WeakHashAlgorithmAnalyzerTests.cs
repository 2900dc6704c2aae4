using System.Threading.Tasks;
using Spdf.Build.Analyzers.CodeFixes;
using Spdf.Build.Analyzers.Cryptography;
using Spdf.Build.Analyzers.Tests.Infrastructure;
using Verify = Spdf.Build.Analyzers.Tests.Infrastructure.Verifier<Spdf.Build.Analyzers.Cryptography.WeakHashAlgorithmAnalyzer, Spdf.Build.Analyzers.CodeFixes.WeakHashAlgorithmCodeFixProvider>;

namespace Spdf.Build.Analyzers.Tests.Cryptography;

public sealed class WeakHashAlgorithmAnalyzerTests
{
    [Theory]
    [InlineData("MD5.Create()")]
    [InlineData("SHA1.Create()")]
    [InlineData("new MD5CryptoServiceProvider()")]
    [InlineData("new SHA1Managed()")]
    [InlineData("new SHA1CryptoServiceProvider()")]
    [InlineData("new HMACMD5()")]
    [InlineData("new HMACSHA1(new byte[32])")]
    public async Task Weak_algorithm_objects_are_reported(string expression)
    {
        var source = $$"""
            using System.Security.Cryptography;
            class C
            {
                object M() => {|SPDF1001:{{expression}}|};
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Theory]
    [InlineData("MD5.HashData(data)")]
    [InlineData("SHA1.HashData(data)")]
    [InlineData("HMACSHA1.HashData(data, data)")]
    [InlineData("HMACMD5.HashData(data, data)")]
    public async Task One_shot_static_hashing_is_reported(string expression)
    {
        var source = $$"""
            using System.Security.Cryptography;
            class C
            {
                byte[] M(byte[] data) => {|SPDF1001:{{expression}}|};
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Theory]
    [InlineData("HashAlgorithm.Create(\"MD5\")", "\"MD5\"")]
    [InlineData("HashAlgorithm.Create(\"System.Security.Cryptography.SHA1\")", "\"System.Security.Cryptography.SHA1\"")]
    [InlineData("CryptoConfig.CreateFromName(\"sha1\")", "\"sha1\"")]
    [InlineData("CryptoConfig.CreateFromName(\"RIPEMD160\")", "\"RIPEMD160\"")]
    [InlineData("KeyedHashAlgorithm.Create(\"HMACMD5\")", "\"HMACMD5\"")]
    [InlineData("HMAC.Create(\"HMACSHA1\")", "\"HMACSHA1\"")]
    public async Task Name_based_factories_with_weak_names_are_reported(string expression, string literal)
    {
        var marked = expression.Replace(literal, "{|SPDF1001:" + literal + "|}", System.StringComparison.Ordinal);
        var source = $$"""
            #pragma warning disable SYSLIB0045
            using System.Security.Cryptography;
            class C
            {
                object? M() => {{marked}};
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Constant_algorithm_names_are_followed()
    {
        const string source = """
            #pragma warning disable SYSLIB0045
            using System.Security.Cryptography;
            class C
            {
                const string Algorithm = "MD5";
                object? M() => HashAlgorithm.Create({|SPDF1001:Algorithm|});
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Weak_HashAlgorithmName_passed_to_incremental_hash_is_reported()
    {
        const string source = """
            using System.Security.Cryptography;
            class C
            {
                IncrementalHash M() => IncrementalHash.CreateHash({|SPDF1001:HashAlgorithmName.SHA1|});
                IncrementalHash N(byte[] key) => IncrementalHash.CreateHMAC({|SPDF1001:HashAlgorithmName.MD5|}, key);
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Weak_HashAlgorithmName_passed_to_CryptographicOperations_is_reported()
    {
        // CryptographicOperations.HashData and HmacData take a HashAlgorithmName since .NET 9.
        const string source = """
            using System.Security.Cryptography;
            class C
            {
                byte[] Hash(byte[] data) => CryptographicOperations.HashData({|SPDF1001:HashAlgorithmName.SHA1|}, data);
                byte[] Mac(byte[] key, byte[] data) => CryptographicOperations.HmacData({|SPDF1001:HashAlgorithmName.MD5|}, key, data);
                byte[] Strong(byte[] data) => CryptographicOperations.HashData(HashAlgorithmName.SHA256, data);
            }
            """;
        await Verify.VerifyAnalyzerAsync(source, references: TestReferences.Net100);
    }

    [Fact]
    public async Task Weak_HashAlgorithmName_in_signatures_is_reported()
    {
        const string source = """
            using System;
            using System.Security.Cryptography;
            using Name = System.Security.Cryptography.HashAlgorithmName;
            class C
            {
                byte[] Sign(RSA rsa, byte[] data) => rsa.SignData(data, {|SPDF1001:HashAlgorithmName.SHA1|}, RSASignaturePadding.Pkcs1);
                bool Verify(RSA rsa, byte[] data, byte[] signature) => rsa.VerifyData(data, signature, {|SPDF1001:Name.SHA1|}, RSASignaturePadding.Pss);
                byte[] SignHash(ECDsa ecdsa, byte[] hash) => ecdsa.SignHash(hash);
                byte[] SignEc(ECDsa ecdsa, byte[] data) => ecdsa.SignData(data, {|SPDF1001:Name.MD5|});
                bool VerifyHash(RSA rsa, byte[] hash, byte[] signature)
                    => rsa.VerifyHash(hash, signature, hashAlgorithm: {|SPDF1001:new HashAlgorithmName("SHA1")|}, padding: RSASignaturePadding.Pkcs1);
                byte[] Dsa(DSA dsa, byte[] data) => dsa.SignData(data, {|SPDF1001:HashAlgorithmName.SHA1|});
                Func<RSA, byte[], byte[]> Lambda => (rsa, data) => rsa.SignData(data, {|SPDF1001:HashAlgorithmName.SHA1|}, RSASignaturePadding.Pkcs1);
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Strong_HashAlgorithmName_in_signatures_and_key_derivation_are_not_reported_here()
    {
        const string source = """
            using System.Security.Cryptography;
            class C
            {
                byte[] Sign(RSA rsa, byte[] data) => rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pss);
                bool Verify(ECDsa ecdsa, byte[] data, byte[] signature, HashAlgorithmName configured) => ecdsa.VerifyData(data, signature, configured);
                bool Same(HashAlgorithmName name) => name == HashAlgorithmName.SHA1;
                // Key derivation with SHA-1 is SPDF1007's.
                byte[] Derive(string password, byte[] salt) => Rfc2898DeriveBytes.Pbkdf2(password, salt, 600_000, HashAlgorithmName.SHA1, 32);
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Static_members_of_a_user_subclass_of_a_weak_algorithm_are_reported_and_other_static_calls_are_not()
    {
        const string source = """
            using System;
            using System.Linq;
            using System.Security.Cryptography;
            abstract class LegacyDigest : MD5
            {
                public static byte[] Digest(byte[] data) => data;
            }
            static class Checksums
            {
                public static byte[] Digest(byte[] data) => data;
            }
            struct Frame
            {
                public static byte[] Digest(byte[] data) => data;
            }
            class C
            {
                byte[] Weak(byte[] data) => {|SPDF1001:LegacyDigest.Digest(data)|};
                byte[] Others(byte[] data) => Checksums.Digest(Frame.Digest(data.Reverse().ToArray()));
                int Max(int a, int b) => Math.Max(a, b);
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Aliases_fields_properties_and_lambdas_are_reported()
    {
        const string source = """
            using System;
            using Hasher = System.Security.Cryptography.MD5;
            using static System.Security.Cryptography.SHA1;
            class C
            {
                private readonly System.Security.Cryptography.HashAlgorithm _field = {|SPDF1001:Hasher.Create()|};
                public System.Security.Cryptography.HashAlgorithm Property { get; } = {|SPDF1001:new System.Security.Cryptography.SHA1Managed()|};
                Func<byte[], byte[]> Lambda => data => {|SPDF1001:HashData(data)|};
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Theory]
    [InlineData("SHA256.Create()")]
    [InlineData("SHA384.HashData(data)")]
    [InlineData("new HMACSHA256(data)")]
    [InlineData("HashAlgorithm.Create(\"SHA256\")")]
    [InlineData("CryptoConfig.CreateFromName(\"SHA512\")")]
    [InlineData("IncrementalHash.CreateHash(HashAlgorithmName.SHA256)")]
    public async Task Strong_algorithms_are_not_reported(string expression)
    {
        var source = $$"""
            #pragma warning disable SYSLIB0045
            using System.Security.Cryptography;
            class C
            {
                object? M(byte[] data) => {{expression}};
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Non_constant_names_and_unrelated_strings_are_not_reported()
    {
        const string source = """
            #pragma warning disable SYSLIB0045
            using System.Security.Cryptography;
            class C
            {
                object? M(string configured) => HashAlgorithm.Create(configured);
                string N() => "MD5";
                string O() => nameof(MD5);
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Members_on_the_editorconfig_allow_list_are_not_reported()
    {
        const string source = """
            using System.Security.Cryptography;
            namespace Legacy
            {
                class ModbusChecksum
                {
                    byte[] Compute(byte[] frame) => MD5.HashData(frame);
                }
                class Other
                {
                    byte[] Compute(byte[] frame) => {|SPDF1001:MD5.HashData(frame)|};
                    byte[] Allowed(byte[] frame) => SHA1.HashData(frame);
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source, "spdf.SPDF1001.allowed_symbols = Legacy.ModbusChecksum, Legacy.Other.Allowed\n");
    }

    [Fact]
    public async Task Code_fix_replaces_factory_and_declared_type_with_SHA256()
    {
        const string source = """
            using System.Security.Cryptography;
            class C
            {
                byte[] M(byte[] data)
                {
                    using MD5 hash = {|SPDF1001:MD5.Create()|};
                    return hash.ComputeHash(data);
                }
            }
            """;
        const string fixedSource = """
            using System.Security.Cryptography;
            class C
            {
                byte[] M(byte[] data)
                {
                    using SHA256 hash = SHA256.Create();
                    return hash.ComputeHash(data);
                }
            }
            """;
        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Code_fix_replaces_constructors_one_shot_calls_and_names()
    {
        const string source = """
            #pragma warning disable SYSLIB0045
            using System.Security.Cryptography;
            class C
            {
                HashAlgorithm A() => {|SPDF1001:new SHA1Managed()|};
                byte[] B(byte[] d) => {|SPDF1001:MD5.HashData(d)|};
                KeyedHashAlgorithm D(byte[] k) => {|SPDF1001:new HMACSHA1(k)|};
                object? E() => HashAlgorithm.Create({|SPDF1001:"MD5"|});
                IncrementalHash F() => IncrementalHash.CreateHash({|SPDF1001:HashAlgorithmName.SHA1|});
            }
            """;
        const string fixedSource = """
            #pragma warning disable SYSLIB0045
            using System.Security.Cryptography;
            class C
            {
                HashAlgorithm A() => SHA256.Create();
                byte[] B(byte[] d) => SHA256.HashData(d);
                KeyedHashAlgorithm D(byte[] k) => new HMACSHA256(k);
                object? E() => HashAlgorithm.Create("SHA256");
                IncrementalHash F() => IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            }
            """;
        await Verify.VerifyCodeFixAsync(source, fixedSource, fixAllIterations: 2);
    }
}
