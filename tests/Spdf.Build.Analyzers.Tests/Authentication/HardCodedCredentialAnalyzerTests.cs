using System.Threading.Tasks;
using Spdf.Build.Analyzers.Authentication;
using Verify = Spdf.Build.Analyzers.Tests.Infrastructure.Verifier<Spdf.Build.Analyzers.Authentication.HardCodedCredentialAnalyzer>;

namespace Spdf.Build.Analyzers.Tests.Authentication;

public sealed class HardCodedCredentialAnalyzerTests
{
    [Fact]
    public async Task Literal_credentials_in_every_position_are_reported()
    {
        const string source = """
            using System;
            using System.Net;
            class C
            {
                private const string AdminPassword = {|SPDF2001:"Pump#2024!"|};
                private static readonly string _apiKey = {|SPDF2001:"sk_live_51HqLyjWDarjtT1zdp7dc"|};
                public string ClientSecret { get; set; } = {|SPDF2001:"8Q~x7vFh2Kp"|};
                private string _authToken;

                C() { _authToken = {|SPDF2001:"eyJhbGciOiJIUzI1NiJ9.e30.abc"|}; }

                void M(Settings settings)
                {
                    var password = {|SPDF2001:"hunter22"|};
                    string dbPwd = {|SPDF2001:"s3cr3t!"|};
                    settings.Password = {|SPDF2001:"Welcome1"|};
                    var options = new Settings { PrivateKey = {|SPDF2001:"MIIEvQIBADANBg"|}, UserName = "service" };
                    var credential = new NetworkCredential("service", {|SPDF2001:"P@ssw0rd"|});
                    var named = new NetworkCredential(userName: "service", password: {|SPDF2001:"P@ssw0rd"|});
                    var connection = {|SPDF2001:"Server=db;Database=pump;User Id=sa;Password=Sup3rS3cret;"|};
                    Func<string> lambda = () => { var secretValue = {|SPDF2001:"abc123xyz"|}; return secretValue; };
                }

                bool Check(string password) => password == {|SPDF2001:"letmein1"|};
                void Default(string pwd = {|SPDF2001:"factory-default"|}) { }

                class Settings
                {
                    public string Password { get; set; } = "";
                    public string PrivateKey { get; set; } = "";
                    public string UserName { get; set; } = "";
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Literal_credentials_under_dictionary_and_configuration_keys_are_reported()
    {
        const string source = """
            using System;
            using System.Collections.Generic;
            using System.Collections.Concurrent;
            class Settings
            {
                private readonly Dictionary<string, string> _values = new();
                public string this[string key] { get => _values[key]; set => _values[key] = value; }
            }
            class C
            {
                private static readonly Dictionary<string, string> Defaults = new()
                {
                    ["user"] = "admin",
                    ["password"] = {|SPDF2001:"Pump#2024!"|},
                };
                private readonly IDictionary<string, object> _options = new Dictionary<string, object> { { "ApiKey", {|SPDF2001:"sk_live_51Habc"|} } };

                void M(Settings config, ConcurrentDictionary<string, string> cache)
                {
                    config["ApiKey"] = {|SPDF2001:"3f9a1c77e2b94d0c"|};
                    config["Jwt:Secret"] = {|SPDF2001:"s3cr3t-signing-material"|};
                    var headers = new Dictionary<string, string>();
                    headers["X-Api-Key"] = {|SPDF2001:"AKIA1234567890"|};
                    headers.Add("client_secret", {|SPDF2001:"9bd0e1f2a3"|});
                    cache.TryAdd("AdminPassword", {|SPDF2001:"hunter2!"|});
                    Environment.SetEnvironmentVariable("DB_PASSWORD", {|SPDF2001:"Db#Pass1"|});
                    var target = new Dictionary<string, string> { ["Auth.Token"] = {|SPDF2001:"eyJhbGciOi"|} };
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Connection_strings_in_plain_raw_and_interpolated_literals_are_reported()
    {
        const string source = """"
            class C
            {
                string A(string host) => $"Server={host}{|SPDF2001:;User Id=pump;Password=Pump#2024!|}";
                string B() => {|SPDF2001:"Server=db;Pwd=s3cr3t!x"|};
                string D() => {|SPDF2001:"""Server=db;Password=Raw#Pass1"""|};
                string E(string password) => $"Server=db;Password={password}";
                string F() => "Server=db;Integrated Security=true";
            }
            """";
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Placeholders_empty_values_and_non_credential_keys_are_not_reported()
    {
        const string source = """
            using System;
            using System.Collections.Generic;
            class C
            {
                void M(Dictionary<string, string> config, string password)
                {
                    config["ApiKey"] = "";
                    config["Password"] = "changeme";
                    config["ClientSecret"] = "<your-client-secret>";
                    config["PasswordHint"] = "your pet's name";
                    config["ApiKeyHeader"] = "X-Api-Key";
                    config["password"] = password;
                    config["Endpoint"] = "https://device.example.org";
                    config.Add("Token", "${TOKEN}");
                    config.Add("UserName", "operator");
                    config.Add("key", "value-123");
                    Environment.SetEnvironmentVariable("DB_PASSWORD", null);
                    var labels = new Dictionary<string, string> { ["password"] = "Password" };
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Names_labels_placeholders_and_configuration_keys_are_not_reported()
    {
        const string source = """
            using System;
            using System.Threading;
            class C
            {
                private const string PasswordHint = "Use at least 12 characters";
                private const string TokenEndpoint = "https://login.example.org/token";
                private const string ApiKeyHeader = "X-Api-Key";
                private const string PasswordConfigKey = "Device:Password";
                private const string SecretName = "pump-signing-key";
                private const string PasswordVariable = "PUMP_ADMIN_PASSWORD";
                private const string Password = "Password";
                private const string TokenType = "Bearer";
                private const string UserName = "service";
                private const string ApiKey = "ApiKey";
                private const string PasswordPrompt = "Enter password:";
                private const string HardCodedCredential = "SPDF2001";
                private string _password = "";
                private string? _token = null;

                void M(Func<string, string> read, CancellationToken cancellationToken)
                {
                    var password = read("password");
                    var secret = Environment.GetEnvironmentVariable("PUMP_SECRET");
                    var placeholder = "<your-api-key>";
                    var template = "{password}";
                    var masked = "********";
                    var apiKey = "YOUR_API_KEY";
                    var connection = "Server=db;Database=pump;Integrated Security=true;";
                    var configured = "Server=db;User Id=sa;Password={0};";
                    var name = nameof(Password);
                    var token = string.Empty;
                    var pageToken = "CAoQAA";
                    var keyName = "primary";
                    var passwordLength = "12";
                    if (password == "") { }
                    if (password == null) { }
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Theory]
    [InlineData("password", true)]
    [InlineData("_adminPwd", true)]
    [InlineData("ApiKey", true)]
    [InlineData("SigningKey", true)]
    [InlineData("CLIENT_SECRET", true)]
    [InlineData("authToken", true)]
    [InlineData("password2", true)]
    [InlineData("PasswordHint", false)]
    [InlineData("UserName", false)]
    [InlineData("ApiKeyHeader", false)]
    [InlineData("CancellationToken", false)]
    [InlineData("Key", false)]
    [InlineData("PasswordResetUrl", false)]
    [InlineData("Tokenizer", false)]
    public void Credential_names_are_recognised(string name, bool expected)
        => Assert.Equal(expected, CredentialNames.IsCredentialName(name));
}
