using System.Threading.Tasks;
using Verify = Spdf.Build.Analyzers.Tests.Infrastructure.Verifier<Spdf.Build.Analyzers.Authentication.NonConstantTimeComparisonAnalyzer, Spdf.Build.Analyzers.CodeFixes.NonConstantTimeComparisonCodeFixProvider>;

namespace Spdf.Build.Analyzers.Tests.Authentication;

public sealed class NonConstantTimeComparisonAnalyzerTests
{
    [Fact]
    public async Task Early_exit_comparisons_of_secrets_are_reported()
    {
        const string source = """
            using System;
            using System.Linq;
            using System.Security.Cryptography;
            class C
            {
                private readonly byte[] _expectedSignature = new byte[32];
                public string SessionToken { get; set; } = "";

                bool A(byte[] key, byte[] data, byte[] receivedMac) => {|SPDF2002:HMACSHA256.HashData(key, data).SequenceEqual(receivedMac)|};
                bool B(byte[] key, byte[] data, byte[] received)
                {
                    var computed = HMACSHA256.HashData(key, data);
                    return {|SPDF2002:computed.AsSpan().SequenceEqual(received)|};
                }
                bool D(byte[] candidate) => {|SPDF2002:Enumerable.SequenceEqual(_expectedSignature, candidate)|};
                bool E(string token) => {|SPDF2002:token == SessionToken|};
                bool F(string providedHash, byte[] data) => {|SPDF2002:providedHash != Convert.ToBase64String(SHA256.HashData(data))|};
                bool G(string a, string expectedHmac) => {|SPDF2002:string.Equals(a, expectedHmac)|};
                bool H(ReadOnlySpan<byte> tag, ReadOnlySpan<byte> other) => {|SPDF2002:tag.SequenceEqual(other)|};
                bool Loop(byte[] mac, byte[] expected)
                {
                    if (mac.Length != expected.Length) return false;
                    for (var i = 0; i < mac.Length; i++)
                    {
                        if ({|SPDF2002:mac[i] != expected[i]|})
                            return false;
                    }
                    return true;
                }
                Func<string, bool> Lambda => otp => {|SPDF2002:otp.Equals(SessionToken)|};
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task API_keys_and_shared_secrets_compared_with_Equals_or_operators_are_reported()
    {
        const string source = """
            using System;
            using System.Linq;
            class C
            {
                private readonly string _apiKey = Environment.GetEnvironmentVariable("API_KEY")!;
                private string ClientSecret { get; } = Environment.GetEnvironmentVariable("CLIENT_SECRET")!;

                bool A(string provided) => {|SPDF2002:_apiKey.Equals(provided)|};
                bool B(string provided) => {|SPDF2002:string.Equals(provided, _apiKey)|};
                bool D(string providedApiKey, string expected) => {|SPDF2002:expected.Equals(providedApiKey, StringComparison.Ordinal)|};
                bool E(string secret) => {|SPDF2002:string.Equals(ClientSecret, secret, StringComparison.Ordinal)|};
                bool F(string header) => {|SPDF2002:header != _apiKey|};
                bool G(string webhookSecretValue, string received) => {|SPDF2002:received == webhookSecretValue|};
                bool H(string apikey, string[] allowed) => allowed.Any(candidate => {|SPDF2002:candidate == apikey|});
                Func<string, bool> Check => value => {|SPDF2002:value.Equals(_apiKey)|};
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Names_about_keys_and_secrets_but_not_holding_them_are_not_reported()
    {
        const string source = """
            using System;
            class C
            {
                bool A(string apiKeyName, string other) => apiKeyName == other;
                bool B(string key, string other) => key == other;
                bool D(string secretName, string other) => string.Equals(secretName, other);
                bool E(string apiKeyHeader, string header) => apiKeyHeader.Equals(header, StringComparison.OrdinalIgnoreCase);
                bool F(string apiKey) => apiKey == "";
                bool G(string? clientSecret) => clientSecret == null;
                bool H(string primaryKey, string other) => primaryKey == other;
                bool I(string secretId, string other) => secretId == other;
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Constant_time_null_length_and_non_secret_comparisons_are_not_reported()
    {
        const string source = """
            using System;
            using System.Linq;
            using System.Security.Cryptography;
            class C
            {
                bool A(byte[] mac, byte[] expected) => CryptographicOperations.FixedTimeEquals(mac, expected);
                bool B(string? token) => token == null;
                bool D(string token) => token == "";
                bool E(byte[] mac, byte[] expected) => mac.Length == expected.Length;
                bool F(string name, string other) => name == other;
                bool G(byte[] firmware, byte[] image) => firmware.SequenceEqual(image);
                bool H(string hashAlgorithm, string other) => hashAlgorithm == other;
                bool I(int hashCode, int other) => hashCode == other;
                bool J(string itemTag, string filter) => itemTag == filter;
                bool L(string token, string previousToken) => token == previousToken;
                bool K(byte[] a, byte[] b)
                {
                    var diff = 0;
                    for (var i = 0; i < a.Length; i++)
                        diff |= a[i] ^ b[i];
                    return diff == 0;
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Code_fix_uses_FixedTimeEquals()
    {
        const string source = """
            using System.Linq;
            class C
            {
                bool A(byte[] mac, byte[] expected) => {|SPDF2002:mac.SequenceEqual(expected)|};
                bool B(string token, string expectedToken) => {|SPDF2002:token != expectedToken|};
            }
            """;
        const string fixedSource = """
            using System.Linq;
            using System.Security.Cryptography;
            using System.Text;

            class C
            {
                bool A(byte[] mac, byte[] expected) => CryptographicOperations.FixedTimeEquals(mac, expected);
                bool B(string token, string expectedToken) => !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(expectedToken));
            }
            """;
        await Verify.VerifyCodeFixAsync(source, fixedSource, fixAllIterations: 2);
    }
}
