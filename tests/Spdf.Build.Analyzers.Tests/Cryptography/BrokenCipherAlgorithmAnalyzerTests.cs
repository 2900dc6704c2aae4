using System.Threading.Tasks;
using Verify = Spdf.Build.Analyzers.Tests.Infrastructure.Verifier<Spdf.Build.Analyzers.Cryptography.BrokenCipherAlgorithmAnalyzer, Spdf.Build.Analyzers.CodeFixes.BrokenCipherAlgorithmCodeFixProvider>;

namespace Spdf.Build.Analyzers.Tests.Cryptography;

public sealed class BrokenCipherAlgorithmAnalyzerTests
{
    [Theory]
    [InlineData("DES.Create()")]
    [InlineData("TripleDES.Create()")]
    [InlineData("RC2.Create()")]
    [InlineData("new DESCryptoServiceProvider()")]
    [InlineData("new TripleDESCryptoServiceProvider()")]
    [InlineData("new RC2CryptoServiceProvider()")]
    public async Task Broken_cipher_objects_are_reported(string expression)
    {
        var source = $$"""
            #pragma warning disable SYSLIB0021
            using System.Security.Cryptography;
            class C
            {
                SymmetricAlgorithm M() => {|SPDF1002:{{expression}}|};
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Theory]
    [InlineData("SymmetricAlgorithm.Create(\"DES\")", "\"DES\"")]
    [InlineData("SymmetricAlgorithm.Create(\"3DES\")", "\"3DES\"")]
    [InlineData("SymmetricAlgorithm.Create(\"System.Security.Cryptography.TripleDES\")", "\"System.Security.Cryptography.TripleDES\"")]
    [InlineData("CryptoConfig.CreateFromName(\"RC2\")", "\"RC2\"")]
    [InlineData("CryptoConfig.CreateFromName(\"rc4\")", "\"rc4\"")]
    [InlineData("CryptoConfig.CreateFromName(Name)", "Name")]
    public async Task Broken_ciphers_requested_by_name_are_reported(string expression, string argument)
    {
        var marked = expression.Replace("(" + argument + ")", "({|SPDF1002:" + argument + "|})", System.StringComparison.Ordinal);
        var source = $$"""
            #pragma warning disable SYSLIB0045
            using System.Security.Cryptography;
            class C
            {
                const string Name = "DES";
                object? M() => {{marked}};
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Aliases_using_static_fields_properties_and_lambdas_are_reported()
    {
        const string source = """
            using System;
            using Legacy = System.Security.Cryptography.TripleDES;
            using static System.Security.Cryptography.DES;
            using System.Security.Cryptography;
            class C
            {
                private readonly SymmetricAlgorithm _field = {|SPDF1002:Legacy.Create()|};
                public SymmetricAlgorithm Property { get; } = {|SPDF1002:Create()|};
                Func<Func<SymmetricAlgorithm>> Nested => () => () => {|SPDF1002:RC2.Create()|};
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Aes_ChaCha_unrelated_names_and_non_constant_names_are_not_reported()
    {
        const string source = """
            #pragma warning disable SYSLIB0045
            using System.Security.Cryptography;
            class C
            {
                SymmetricAlgorithm A() => Aes.Create();
                object? B() => SymmetricAlgorithm.Create("AES");
                object? D(string configured) => SymmetricAlgorithm.Create(configured);
                string E() => "DES";
                string F() => nameof(DES);
                bool G(SymmetricAlgorithm algorithm) => algorithm is TripleDES;
                AesGcm H(byte[] key) => new AesGcm(key, 16);
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Code_fix_replaces_the_cipher_with_AES()
    {
        const string source = """
            #pragma warning disable SYSLIB0021, SYSLIB0045
            using System.Security.Cryptography;
            class C
            {
                void M()
                {
                    using TripleDES cipher = {|SPDF1002:TripleDES.Create()|};
                    SymmetricAlgorithm b = {|SPDF1002:new DESCryptoServiceProvider()|};
                    var c = SymmetricAlgorithm.Create({|SPDF1002:"DES"|});
                }
            }
            """;
        const string fixedSource = """
            #pragma warning disable SYSLIB0021, SYSLIB0045
            using System.Security.Cryptography;
            class C
            {
                void M()
                {
                    using Aes cipher = Aes.Create();
                    SymmetricAlgorithm b = Aes.Create();
                    var c = SymmetricAlgorithm.Create("AES");
                }
            }
            """;
        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }
}
