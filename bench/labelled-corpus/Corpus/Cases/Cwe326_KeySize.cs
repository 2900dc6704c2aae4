using System;
using System.Security.Cryptography;

namespace Corpus.Cwe326
{
    // CASE: id=326-b01, cwe=326, expect=BAD, form=new RSACryptoServiceProvider(1024)
    public class B01 { public RSA Run() => new RSACryptoServiceProvider(1024); }

    // CASE: id=326-b02, cwe=326, expect=BAD, form=RSA.Create(1024)
    public class B02 { public RSA Run() => RSA.Create(1024); }

    // CASE: id=326-b03, cwe=326, expect=BAD, form=rsa.KeySize = 512 after creation
    public class B03 { public RSA Run() { var rsa = RSA.Create(); rsa.KeySize = 512; return rsa; } }

    // CASE: id=326-b04, cwe=326, expect=BAD, form=DSA.Create()
    public class B04 { public DSA Run() => DSA.Create(); }

    // CASE: id=326-b05, cwe=326, expect=BAD, form=constant field key size 1024 into RSA.Create
    public class B05 { private const int Bits = 1024; public RSA Run() => RSA.Create(Bits); }

    // CASE: id=326-b06, cwe=326, expect=BAD, form=ECDsa with brainpoolP160r1 curve
    public class B06 { public ECDsa Run() => ECDsa.Create(ECCurve.NamedCurves.brainpoolP160r1); }

    // CASE: id=326-b07, cwe=326, expect=BAD, form=new DSACryptoServiceProvider()
    public class B07 { public DSA Run() { DSACryptoServiceProvider dsa = new(); return dsa; } }

    // CASE: id=326-b08, cwe=326, expect=BAD, form=new RSAOpenSsl(1024)
    public class B08 { public RSA Run() => new RSAOpenSsl(1024); }

    // CASE: id=326-g01, cwe=326, expect=GOOD, form=RSA.Create(3072)
    public class G01 { public RSA Run() => RSA.Create(3072); }

    // CASE: id=326-g02, cwe=326, expect=GOOD, form=RSA.Create() default 2048
    public class G02 { public RSA Run() => RSA.Create(); }

    // CASE: id=326-g03, cwe=326, expect=GOOD, form=ECDsa nistP256
    public class G03 { public ECDsa Run() => ECDsa.Create(ECCurve.NamedCurves.nistP256); }

    // CASE: id=326-g04, cwe=326, expect=GOOD, form=rsa.KeySize = 4096
    public class G04 { public RSA Run() { var rsa = RSA.Create(); rsa.KeySize = 4096; return rsa; } }

    // CASE: id=326-g05, cwe=326, expect=GOOD, form=reading KeySize < 2048 as a check
    public class G05 { public bool Weak(RSA r) => r.KeySize < 2048; }

    // CASE: id=326-g06, cwe=326, expect=GOOD, form=ECDiffieHellman nistP384
    public class G06 { public ECDiffieHellman Run() => ECDiffieHellman.Create(ECCurve.NamedCurves.nistP384); }
}
