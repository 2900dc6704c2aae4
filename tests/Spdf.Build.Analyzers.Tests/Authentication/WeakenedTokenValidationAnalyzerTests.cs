using System.Threading.Tasks;
using Verify = Spdf.Build.Analyzers.Tests.Infrastructure.Verifier<Spdf.Build.Analyzers.Authentication.WeakenedTokenValidationAnalyzer>;

namespace Spdf.Build.Analyzers.Tests.Authentication;

public sealed class WeakenedTokenValidationAnalyzerTests
{
    /// <summary>The shape of Microsoft.IdentityModel.Tokens the rule relies on (the package is not referenced by the tests).</summary>
    private const string IdentityModel = """
        namespace Microsoft.IdentityModel.Tokens
        {
            public class SecurityToken { }
            public delegate SecurityToken SignatureValidator(string token, TokenValidationParameters validationParameters);
            public delegate bool LifetimeValidator(System.DateTime? notBefore, System.DateTime? expires, SecurityToken token, TokenValidationParameters validationParameters);
            public delegate bool AudienceValidator(System.Collections.Generic.IEnumerable<string> audiences, SecurityToken token, TokenValidationParameters validationParameters);
            public class TokenValidationParameters
            {
                public bool ValidateIssuer { get; set; } = true;
                public bool ValidateAudience { get; set; } = true;
                public bool ValidateLifetime { get; set; } = true;
                public bool ValidateIssuerSigningKey { get; set; }
                public bool RequireSignedTokens { get; set; } = true;
                public bool RequireExpirationTime { get; set; } = true;
                public string? ValidIssuer { get; set; }
                public SignatureValidator? SignatureValidator { get; set; }
                public LifetimeValidator? LifetimeValidator { get; set; }
                public AudienceValidator? AudienceValidator { get; set; }
            }
            public class JsonWebToken : SecurityToken { public JsonWebToken(string token) { } }
        }
        """;

    [Fact]
    public async Task Disabled_checks_and_skipping_validators_are_reported()
    {
        const string source = """
            using System;
            using Microsoft.IdentityModel.Tokens;
            using Parameters = Microsoft.IdentityModel.Tokens.TokenValidationParameters;
            class C
            {
                private static readonly TokenValidationParameters Field = new()
                {
                    {|SPDF2003:ValidateIssuer = false|},
                    {|SPDF2003:ValidateAudience = false|},
                    {|SPDF2003:ValidateLifetime = false|},
                    {|SPDF2003:RequireSignedTokens = false|},
                    {|SPDF2003:SignatureValidator = (token, _) => new JsonWebToken(token)|},
                };

                Parameters Property { get; } = new Parameters { {|SPDF2003:ValidateIssuerSigningKey = false|}, {|SPDF2003:LifetimeValidator = (a, b, c, d) => true|} };

                void M(TokenValidationParameters parameters)
                {
                    {|SPDF2003:parameters.RequireExpirationTime = false|};
                    {|SPDF2003:parameters.AudienceValidator = AcceptAnyAudience|};
                    Func<Parameters> nested = () => new Parameters { {|SPDF2003:ValidateLifetime = false|} };
                }

                static bool AcceptAnyAudience(System.Collections.Generic.IEnumerable<string> audiences, SecurityToken token, TokenValidationParameters parameters) => true;
            }
            """;
        await Verify.VerifyAnalyzerAsync(source + IdentityModel);
    }

    [Fact]
    public async Task Enabled_checks_and_real_validators_are_not_reported()
    {
        const string source = """
            using System.Linq;
            using Microsoft.IdentityModel.Tokens;
            class C
            {
                TokenValidationParameters M(bool configured) => new()
                {
                    ValidateIssuer = true,
                    ValidateAudience = configured,
                    ValidIssuer = "https://login.example.org",
                    ValidateIssuerSigningKey = true,
                    SignatureValidator = (token, parameters) => ValidateSignature(token, parameters),
                    AudienceValidator = (audiences, token, parameters) => audiences.Contains("pump"),
                };

                static SecurityToken ValidateSignature(string token, TokenValidationParameters parameters) => new JsonWebToken(token);

                class Unrelated { public bool ValidateIssuer { get; set; } }
                void N() { var u = new Unrelated { ValidateIssuer = false }; }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source + IdentityModel);
    }

    [Fact]
    public async Task Rule_is_silent_without_the_identity_model_types()
    {
        const string source = """
            class TokenValidationParameters { public bool ValidateIssuer { get; set; } }
            class C { TokenValidationParameters P = new() { ValidateIssuer = false }; }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }
}
