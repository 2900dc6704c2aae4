using System.Threading.Tasks;
using Verify = Spdf.Build.Analyzers.Tests.Infrastructure.Verifier<Spdf.Build.Analyzers.Cryptography.InsufficientKeySizeAnalyzer, Spdf.Build.Analyzers.CodeFixes.InsufficientKeySizeCodeFixProvider>;

namespace Spdf.Build.Analyzers.Tests.Cryptography;

public sealed class InsufficientKeySizeAnalyzerTests
{
    [Fact]
    public async Task Small_RSA_DSA_and_small_curves_are_reported()
    {
        const string source = """
            #pragma warning disable CA1416
            using System;
            using System.Security.Cryptography;
            using static System.Security.Cryptography.ECCurve;
            class C
            {
                private const int Bits = 1024;
                private readonly RSA _field = RSA.Create({|SPDF1006:Bits|});
                RSA Property { get; } = new RSACryptoServiceProvider({|SPDF1006:512|});

                void M()
                {
                    var a = RSA.Create({|SPDF1006:1024|});
                    RSA b = RSA.Create(keySizeInBits: {|SPDF1006:1536|});
                    var c = RSA.Create();
                    c.KeySize = {|SPDF1006:1024|};
                    var d = new Holder { Key = RSA.Create() };
                    d.Key.KeySize = {|SPDF1006:1024|};
                    var dsa = {|SPDF1006:DSA.Create()|};
                    var dsa2 = {|SPDF1006:DSA.Create(2048)|};
                    var curve = ECDsa.Create({|SPDF1006:NamedCurves.brainpoolP160r1|});
                    var curve2 = ECDsa.Create(ECCurve.CreateFromFriendlyName({|SPDF1006:"secp192r1"|}));
                    var curve3 = ECDiffieHellman.Create(ECCurve.CreateFromValue({|SPDF1006:"1.3.132.0.33"|}));
                    var ec = ECDsa.Create();
                    ec.KeySize = {|SPDF1006:224|};
                    Func<RSA> lambda = () => RSA.Create({|SPDF1006:1024|});
                }

                class Holder { public RSA Key { get; set; } = null!; }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Strong_keys_and_unrelated_key_sizes_are_not_reported()
    {
        const string source = """
            using System.Security.Cryptography;
            class C
            {
                void M(int configured)
                {
                    var a = RSA.Create(3072);
                    var b = RSA.Create(configured);
                    var c = RSA.Create();
                    c.KeySize = 4096;
                    var d = ECDsa.Create(ECCurve.NamedCurves.nistP256);
                    var e = ECDsa.Create(ECCurve.NamedCurves.brainpoolP384r1);
                    var f = ECDiffieHellman.Create(ECCurve.CreateFromFriendlyName("secp384r1"));
                    var aes = Aes.Create();
                    aes.KeySize = 128;
                    var g = RSA.Create(2048);
                    bool small = c.KeySize < 2048;
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Crypto_service_providers_with_their_default_or_a_small_key_size_are_reported()
    {
        const string source = """
            #pragma warning disable CA1416, SYSLIB0021
            using System;
            using System.Security.Cryptography;
            using Provider = System.Security.Cryptography.RSACryptoServiceProvider;
            class C
            {
                private static readonly RSA Field = {|SPDF1006:new RSACryptoServiceProvider()|};
                RSA Property { get; } = {|SPDF1006:new Provider()|};

                byte[] M(byte[] data)
                {
                    using var rsa = {|SPDF1006:new RSACryptoServiceProvider()|};
                    RSACryptoServiceProvider targetTyped = {|SPDF1006:new()|};
                    var sized = new RSACryptoServiceProvider({|SPDF1006:1024|});
                    var named = new RSACryptoServiceProvider(dwKeySize: {|SPDF1006:512|});
                    var dsa = {|SPDF1006:new DSACryptoServiceProvider()|};
                    var dsaSized = {|SPDF1006:new DSACryptoServiceProvider(1024)|};
                    Func<RSA> factory = () => {|SPDF1006:new RSACryptoServiceProvider()|};
                    return rsa.Encrypt(data, true);
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Crypto_service_providers_with_a_strong_or_imported_key_are_not_reported()
    {
        const string source = """
            #pragma warning disable CA1416, SYSLIB0021
            using System.Security.Cryptography;
            class C
            {
                byte[] Verify(RSAParameters publicKey, byte[] data, byte[] signature)
                {
                    using var rsa = new RSACryptoServiceProvider();
                    rsa.ImportParameters(publicKey);
                    return rsa.Encrypt(data, true);
                }

                void FromXml(string xml)
                {
                    RSA rsa = new RSACryptoServiceProvider();
                    rsa.FromXmlString(xml);
                }

                void Container(CspParameters parameters)
                {
                    var fromContainer = new RSACryptoServiceProvider(parameters);
                    var strong = new RSACryptoServiceProvider(3072);
                    var configured = new RSACryptoServiceProvider(4096, parameters);
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Code_fix_raises_RSA_key_size_to_3072()
    {
        const string source = """
            using System.Security.Cryptography;
            class C
            {
                RSA A() => RSA.Create({|SPDF1006:1024|});
                void B(RSA rsa) { rsa.KeySize = {|SPDF1006:512|}; }
            }
            """;
        const string fixedSource = """
            using System.Security.Cryptography;
            class C
            {
                RSA A() => RSA.Create(3072);
                void B(RSA rsa) { rsa.KeySize = 3072; }
            }
            """;
        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }
}
