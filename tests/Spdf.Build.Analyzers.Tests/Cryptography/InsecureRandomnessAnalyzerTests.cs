using System.Threading.Tasks;
using Verify = Spdf.Build.Analyzers.Tests.Infrastructure.Verifier<Spdf.Build.Analyzers.Cryptography.InsecureRandomnessAnalyzer, Spdf.Build.Analyzers.CodeFixes.InsecureRandomnessCodeFixProvider>;

namespace Spdf.Build.Analyzers.Tests.Cryptography;

public sealed class InsecureRandomnessAnalyzerTests
{
    [Fact]
    public async Task Random_output_reaching_security_values_is_reported()
    {
        const string source = """
            using System;
            using System.Security.Cryptography;
            using System.Text;
            class C
            {
                private static readonly Random Rng = new Random();
                private readonly Random _random = new();
                private byte[] _sessionKey = new byte[32];
                public string ResetToken { get; set; } = "";
                private int _pin;

                void Crypto(Aes aes)
                {
                    var key = new byte[32];
                    {|SPDF1008:Rng.NextBytes(key)|};
                    var iv = new byte[16];
                    {|SPDF1008:Random.Shared.NextBytes(iv)|};
                    var buffer = new byte[16];
                    {|SPDF1008:_random.NextBytes(buffer)|};
                    aes.Key = buffer;
                    {|SPDF1008:_random.NextBytes(_sessionKey)|};
                }

                byte[] CreateSalt()
                {
                    var bytes = new byte[16];
                    {|SPDF1008:Rng.NextBytes(bytes)|};
                    return bytes;
                }

                string GenerateToken()
                {
                    const string chars = "abcdefghijklmnopqrstuvwxyz0123456789";
                    var output = new char[32];
                    for (var i = 0; i < output.Length; i++)
                        output[i] = chars[{|SPDF1008:_random.Next(chars.Length)|}];
                    return new string(output);
                }

                string NewPassword()
                {
                    var builder = new StringBuilder();
                    for (var i = 0; i < 12; i++)
                        builder.Append((char)('a' + {|SPDF1008:Rng.Next(26)|}));
                    return builder.ToString();
                }

                void Assign()
                {
                    ResetToken = {|SPDF1008:Rng.Next()|}.ToString();
                    var sessionId = {|SPDF1008:Random.Shared.NextInt64()|};
                    Func<int> otp = () => { var code = {|SPDF1008:Rng.Next(100000, 999999)|}; var nonce = code; return nonce; };
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Simulation_jitter_sampling_and_dictionary_keys_are_not_reported()
    {
        const string source = """
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            class C
            {
                private readonly Random _random = new(42);
                async Task Retry()
                {
                    var delay = _random.Next(100, 500);
                    await Task.Delay(delay);
                }

                double Noise() => _random.NextDouble() * 0.1;

                void Dictionary(Dictionary<int, string> map)
                {
                    var key = _random.Next(1000);
                    map[key] = "value";
                }

                int PickIndex(int count) => _random.Next(count);

                void Buffer()
                {
                    var samples = new byte[256];
                    _random.NextBytes(samples);
                    Console.WriteLine(samples.Length);
                }

                string Token(int seed) => seed.ToString();
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Code_fix_uses_RandomNumberGenerator()
    {
        const string source = """
            using System;
            class C
            {
                byte[] CreateSalt(Random random)
                {
                    var salt = new byte[16];
                    {|SPDF1008:random.NextBytes(salt)|};
                    return salt;
                }

                int Pin(Random random)
                {
                    var otp = {|SPDF1008:random.Next(0, 1000000)|};
                    return otp;
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Security.Cryptography;

            class C
            {
                byte[] CreateSalt(Random random)
                {
                    var salt = new byte[16];
                    RandomNumberGenerator.Fill(salt);
                    return salt;
                }

                int Pin(Random random)
                {
                    var otp = RandomNumberGenerator.GetInt32(0, 1000000);
                    return otp;
                }
            }
            """;
        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }
}
