using System;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using Microsoft.IdentityModel.Tokens;

namespace Corpus.Cwe347
{
    // CASE: id=347-b01, cwe=347, expect=BAD, form=rsa.VerifyData result discarded
    public class B01 { public byte[] Load(RSA rsa, byte[] fw, byte[] sig) { rsa.VerifyData(fw, sig, HashAlgorithmName.SHA256, RSASignaturePadding.Pss); return fw; } }

    // CASE: id=347-b02, cwe=347, expect=BAD, form=ecdsa.VerifyHash discarded with discard assignment
    public class B02 { public void Run(ECDsa ec, byte[] h, byte[] s) { _ = ec.VerifyHash(h, s); } }

    // CASE: id=347-b03, cwe=347, expect=BAD, form=X509Chain.Build result ignored
    public class B03 { public X509Certificate2 Run(X509Certificate2 c) { var chain = new X509Chain(); chain.Build(c); return c; } }

    // CASE: id=347-b04, cwe=347, expect=BAD, form=TokenValidationParameters ValidateIssuerSigningKey=false RequireSignedTokens=false
    public class B04 { public TokenValidationParameters Run() => new TokenValidationParameters { RequireSignedTokens = false, ValidateIssuerSigningKey = false }; }

    // CASE: id=347-b05, cwe=347, expect=BAD, form=ValidateLifetime = false on property
    public class B05 { public void Run(TokenValidationParameters p) { p.ValidateLifetime = false; } }

    // CASE: id=347-b06, cwe=347, expect=BAD, form=SignatureValidator returns token without validation
    public class B06 { public TokenValidationParameters Run(SecurityToken t) => new TokenValidationParameters { SignatureValidator = (token, parameters) => t }; }

    // CASE: id=347-b07, cwe=347, expect=BAD, form=ValidateAudience = false, ValidateIssuer = false target-typed
    public class B07 { public TokenValidationParameters P { get; } = new() { ValidateAudience = false, ValidateIssuer = false }; }

    // CASE: id=347-b08, cwe=347, expect=BAD, form=SignedXml.CheckSignature ignored
    public class B08 { public void Run(SignedXml x) { x.CheckSignature(); } }

    // CASE: id=347-b09, cwe=347, expect=BAD, form=RequireExpirationTime = false
    public class B09 { public TokenValidationParameters Run() { var p = new TokenValidationParameters(); p.RequireExpirationTime = false; return p; } }

    // CASE: id=347-b10, cwe=347, expect=BAD, form=LifetimeValidator always true
    public class B10 { public TokenValidationParameters Run() => new TokenValidationParameters { LifetimeValidator = (nb, exp, tok, prm) => true }; }

    // CASE: id=347-g01, cwe=347, expect=GOOD, form=if (!rsa.VerifyData) throw
    public class G01 { public byte[] Load(RSA rsa, byte[] fw, byte[] sig) { if (!rsa.VerifyData(fw, sig, HashAlgorithmName.SHA256, RSASignaturePadding.Pss)) throw new CryptographicException("bad signature"); return fw; } }

    // CASE: id=347-g02, cwe=347, expect=GOOD, form=return chain.Build(c)
    public class G02 { public bool Run(X509Certificate2 c) { using var chain = new X509Chain(); return chain.Build(c); } }

    // CASE: id=347-g03, cwe=347, expect=GOOD, form=TokenValidationParameters all validations on
    public class G03 { public TokenValidationParameters Run(SecurityKey k) => new TokenValidationParameters { ValidateIssuer = true, ValidateAudience = true, ValidateLifetime = true, ValidateIssuerSigningKey = true, IssuerSigningKey = k, ValidIssuer = "device-ca", ValidAudience = "pump" }; }

    // CASE: id=347-g04, cwe=347, expect=GOOD, form=bool ok = ec.VerifyHash; used
    public class G04 { public bool Run(ECDsa ec, byte[] h, byte[] s) { bool ok = ec.VerifyHash(h, s); return ok; } }

    // CASE: id=347-g05, cwe=347, expect=GOOD, form=reading ValidateLifetime
    public class G05 { public bool Strict(TokenValidationParameters p) => p.ValidateLifetime && p.ValidateIssuer; }

    // CASE: id=347-g06, cwe=347, expect=GOOD, form=SignedXml.CheckSignature in condition
    public class G06 { public void Run(SignedXml x) { if (!x.CheckSignature()) throw new CryptographicException(); } }
}
