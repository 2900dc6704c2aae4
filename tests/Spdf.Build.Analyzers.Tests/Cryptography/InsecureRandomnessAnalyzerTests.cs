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
    public async Task Random_characters_projected_by_LINQ_into_secrets_are_reported()
    {
        const string source = """
            using System;
            using System.Linq;
            class C
            {
                private const string Chars = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
                private static readonly Random Rng = new();
                public string ResetToken { get; private set; } = "";

                string M()
                {
                    var rng = new Random();
                    var password = new string(Enumerable.Range(0, 12).Select(_ => Chars[{|SPDF1008:rng.Next(Chars.Length)|}]).ToArray());
                    ResetToken = string.Concat(Enumerable.Repeat(Chars, 32).Select(s => s[{|SPDF1008:Random.Shared.Next(s.Length)|}]));
                    char[] otp = Enumerable.Range(0, 6).Select(i => (char)('0' + {|SPDF1008:Rng.Next(10)|})).ToArray();
                    var apiKey = string.Join("", Enumerable.Range(0, 40).Select(_ =>
                    {
                        var index = {|SPDF1008:rng.Next(Chars.Length)|};
                        return Chars[index];
                    }));
                    return password + new string(otp) + apiKey;
                }

                string GenerateSessionId() => new(Enumerable.Range(0, 16).Select(_ => Chars[{|SPDF1008:Rng.Next(Chars.Length)|}]).ToArray());
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Random_in_LINQ_for_sampling_shuffling_and_test_data_is_not_reported()
    {
        const string source = """
            using System;
            using System.Collections.Generic;
            using System.Linq;
            class C
            {
                private static readonly Random Rng = new(42);

                void M(IReadOnlyList<string> tokens, List<double> readings)
                {
                    var sample = readings.Select(r => r + Rng.NextDouble() * 0.01).ToList();
                    var shuffled = tokens.OrderBy(_ => Rng.Next()).ToList();
                    var picked = tokens.Where(_ => Rng.Next(10) > 5).ToArray();
                    var name = new string(Enumerable.Range(0, 8).Select(_ => (char)('a' + Rng.Next(26))).ToArray());
                    Func<int> dice = () => Rng.Next(1, 7);
                    Console.WriteLine(sample.Count + shuffled.Count + picked.Length + name + dice());
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
