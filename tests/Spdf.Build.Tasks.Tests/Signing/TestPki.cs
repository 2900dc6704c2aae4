using System;
using System.Diagnostics;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Spdf.Build.Tasks.Tests.Signing;

/// <summary>A throwaway PKI in a temporary folder: a root CA and a leaf signing certificate, as PEM and PFX files.</summary>
public sealed class TestPki : IDisposable
{
    public static readonly DateTimeOffset SigningTime = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private TestPki(string folder) => Folder = folder;

    public string Folder { get; }

    public string RootCertificatePath => Path.Combine(Folder, "root.pem");

    /// <summary>Leaf certificate first, then the root: what SpdfSigningCertificate points to.</summary>
    public string ChainPath => Path.Combine(Folder, "chain.pem");

    public string KeyPath => Path.Combine(Folder, "key.pem");

    public string EncryptedKeyPath => Path.Combine(Folder, "key.encrypted.pem");

    public string PfxPath => Path.Combine(Folder, "signer.pfx");

    public string PublicKeyPath => Path.Combine(Folder, "public.pem");

    public const string Password = "correct horse battery staple 7";

    public string Fingerprint { get; private set; } = "";

    public static TestPki CreateRsa(int keySize = 3072) => Create(() => RSA.Create(keySize));

    public static TestPki CreateECDsa(ECCurve? curve = null) => Create(() => ECDsa.Create(curve ?? ECCurve.NamedCurves.nistP256));

    private static TestPki Create(Func<AsymmetricAlgorithm> createKey)
    {
        var pki = new TestPki(Directory.CreateTempSubdirectory("spdf-pki-").FullName);
        using var rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var rootRequest = new CertificateRequest("CN=Spdf Test Root CA, O=Contoso Medical Devices", rootKey, HashAlgorithmName.SHA384);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        rootRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        rootRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(rootRequest.PublicKey, false));
        using var root = rootRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddYears(-5), DateTimeOffset.UtcNow.AddYears(10));

        using var key = createKey();
        var leafRequest = key switch
        {
            RSA rsa => new CertificateRequest("CN=Contoso Build Server, O=Contoso Medical Devices", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
            ECDsa ecdsa => new CertificateRequest("CN=Contoso Build Server, O=Contoso Medical Devices", ecdsa, HashAlgorithmName.SHA256),
            _ => throw new ArgumentException("RSA or ECDSA"),
        };
        leafRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        leafRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        var serial = new byte[] { 0x01, 0x23, 0x45, 0x67 };
        using var leaf = leafRequest.Create(root.SubjectName, X509SignatureGenerator.CreateForECDsa(rootKey), DateTimeOffset.UtcNow.AddYears(-2), DateTimeOffset.UtcNow.AddYears(5), serial);

        File.WriteAllText(pki.RootCertificatePath, PemEncoding.WriteString("CERTIFICATE", root.RawData) + "\n");
        File.WriteAllText(pki.ChainPath, PemEncoding.WriteString("CERTIFICATE", leaf.RawData) + "\n" + PemEncoding.WriteString("CERTIFICATE", root.RawData) + "\n");
        File.WriteAllText(pki.KeyPath, key.ExportPkcs8PrivateKeyPem() + "\n");
        var encryption = new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 100_000);
        File.WriteAllText(pki.EncryptedKeyPath, key.ExportEncryptedPkcs8PrivateKeyPem(Password, encryption) + "\n");
        File.WriteAllText(pki.PublicKeyPath, key.ExportSubjectPublicKeyInfoPem() + "\n");
        var withKey = key switch
        {
            RSA rsa => leaf.CopyWithPrivateKey(rsa),
            ECDsa ecdsa => leaf.CopyWithPrivateKey(ecdsa),
            _ => throw new ArgumentException("RSA or ECDSA"),
        };
        using (withKey)
            File.WriteAllBytes(pki.PfxPath, withKey.Export(X509ContentType.Pkcs12, Password));
        pki.Fingerprint = Convert.ToHexString(SHA256.HashData(leaf.PublicKey.ExportSubjectPublicKeyInfo())).ToLowerInvariant();
        return pki;
    }

    public string Combine(string name) => Path.Combine(Folder, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans the temporary folder.
        }
    }
}

/// <summary>Runs openssl, the independent judge of our CMS signatures.</summary>
public static class OpenSsl
{
    public static (int ExitCode, string Output) Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("openssl")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }

    /// <summary><c>openssl cms -verify -binary -inform DER -content F -CAfile root -purpose any</c>, the command from the docs.</summary>
    public static (int ExitCode, string Output) VerifyDetached(string file, string signature, string rootCertificate)
        => Run("cms", "-verify", "-binary", "-inform", "DER", "-in", signature, "-content", file, "-CAfile", rootCertificate, "-purpose", "any", "-out", "/dev/null");
}
