using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace Spdf.Build.Core.Signing;

/// <summary>
/// Loads the signer that <c>SpdfSigningKey</c> names. Every problem is an <c>SPDF53xx</c> error naming the file;
/// passwords are read from the environment variable whose name is configured and never appear in a message.
/// </summary>
public static class SigningKeyLoader
{
    private const string RsaOid = "1.2.840.113549.1.1.1";
    private const string EcPublicKeyOid = "1.2.840.10045.2.1";

    /// <param name="specification">The parsed <c>SpdfSigningKey</c>.</param>
    /// <param name="certificatePath"><c>SpdfSigningCertificate</c>: PEM certificate (chain), leaf first; or empty.</param>
    /// <param name="passwordVariable"><c>SpdfSigningKeyPasswordVariable</c>: the name of the variable holding the password; or empty.</param>
    /// <param name="baseDirectory">Relative paths are resolved against it (the project folder).</param>
    /// <param name="now">Validity of an ephemeral certificate is centred on it.</param>
    public static SigningIdentity Load(SigningKeySpecification specification, string? certificatePath, string? passwordVariable, string baseDirectory, DateTimeOffset now)
    {
        var certificateFile = string.IsNullOrWhiteSpace(certificatePath) ? null : Path.GetFullPath(certificatePath!, baseDirectory);
        var identity = specification.Source switch
        {
            SigningKeySource.Pem => LoadPem(Path.GetFullPath(specification.Path, baseDirectory), certificateFile, passwordVariable),
            SigningKeySource.Pfx => LoadPfx(Path.GetFullPath(specification.Path, baseDirectory), certificateFile, passwordVariable),
            SigningKeySource.Command => LoadCommand(specification, certificateFile, baseDirectory),
            _ => CreateEphemeral(now),
        };

        try
        {
            if (!identity.IsEphemeral)
                SigningKeyPolicy.Check(identity.Certificate, DescribeSource(specification), KeyFile(specification, baseDirectory, certificateFile));
            foreach (var issuer in identity.Chain)
                SigningKeyPolicy.Check(issuer, $"chain certificate '{issuer.Subject}'", certificateFile);
            return identity;
        }
        catch
        {
            identity.Dispose();
            throw;
        }
    }

    /// <summary>A throwaway ECDSA P-256 key and self-signed certificate: proves integrity, not origin.</summary>
    public static SigningIdentity CreateEphemeral(DateTimeOffset now)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Spdf.Build ephemeral signing key, OU=Integrity only - origin not proven, O=Spdf.Build", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var wallClock = DateTimeOffset.UtcNow;
        var notBefore = (now < wallClock ? now : wallClock).AddDays(-1);
        var notAfter = (now > wallClock ? now : wallClock).AddYears(10);
        using var withKey = request.CreateSelfSigned(notBefore, notAfter);
        var certificate = new X509Certificate2(withKey.RawData);
        return new SigningIdentity(certificate, key, Array.Empty<X509Certificate2>(), isEphemeral: true);
    }

    private static SigningIdentity LoadPem(string keyFile, string? certificateFile, string? passwordVariable)
    {
        var text = ReadText(keyFile, "signing key");
        var key = ImportPemPrivateKey(text, keyFile, passwordVariable);
        try
        {
            if (certificateFile is null)
                throw CertificateNotConfigured("pem:" + keyFile);
            var certificates = ReadCertificates(certificateFile);
            var keyInfo = key.ExportSubjectPublicKeyInfo();
            var leaf = certificates.FirstOrDefault(c => c.PublicKey.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(keyInfo));
            if (leaf is null)
            {
                foreach (var certificate in certificates)
                    certificate.Dispose();
                throw new SpdfException(
                    DiagnosticIds.SigningCertificateKeyMismatch,
                    $"No certificate in '{certificateFile}' has the public key of the signing key '{keyFile}': the certificate belongs to another key.",
                    certificateFile);
            }

            return new SigningIdentity(leaf, key, certificates.Where(c => !ReferenceEquals(c, leaf)).ToArray(), isEphemeral: false);
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    private static AsymmetricAlgorithm ImportPemPrivateKey(string text, string keyFile, string? passwordVariable)
    {
        if (!PemEncoding.TryFind(text, out var fields))
            throw Unreadable(keyFile, "it contains no PEM block (expected -----BEGIN PRIVATE KEY----- or -----BEGIN ENCRYPTED PRIVATE KEY-----)");

        var label = text[fields.Label];
        byte[] der;
        try
        {
            der = Convert.FromBase64String(text[fields.Base64Data]);
        }
        catch (FormatException)
        {
            throw Unreadable(keyFile, "its PEM block is not valid base64");
        }

        try
        {
            switch (label)
            {
                case "ENCRYPTED PRIVATE KEY":
                {
                    var password = ReadPassword(passwordVariable, keyFile);
                    Pkcs8PrivateKeyInfo info;
                    try
                    {
                        info = Pkcs8PrivateKeyInfo.DecryptAndDecode(password, der, out _);
                    }
                    catch (CryptographicException)
                    {
                        throw WrongPassword(keyFile, passwordVariable!);
                    }

                    return ImportPkcs8(info, keyFile);
                }

                case "PRIVATE KEY":
                    return ImportPkcs8(Pkcs8PrivateKeyInfo.Decode(der, out _, skipCopy: true), keyFile);
                case "RSA PRIVATE KEY":
                    if (text.Contains("Proc-Type: 4,ENCRYPTED", StringComparison.Ordinal))
                        throw Unreadable(keyFile, "it is a legacy OpenSSL-encrypted key; convert it to encrypted PKCS#8 with 'openssl pkcs8 -topk8 -v2 aes-256-cbc'");
                    var rsa = RSA.Create();
                    rsa.ImportRSAPrivateKey(der, out _);
                    return rsa;
                case "EC PRIVATE KEY":
                    if (text.Contains("Proc-Type: 4,ENCRYPTED", StringComparison.Ordinal))
                        throw Unreadable(keyFile, "it is a legacy OpenSSL-encrypted key; convert it to encrypted PKCS#8 with 'openssl pkcs8 -topk8 -v2 aes-256-cbc'");
                    var ecdsa = ECDsa.Create();
                    ecdsa.ImportECPrivateKey(der, out _);
                    return ecdsa;
                default:
                    throw Unreadable(keyFile, $"its first PEM block is '{label}', not a private key");
            }
        }
        catch (CryptographicException exception)
        {
            throw Unreadable(keyFile, "the private key is corrupt (" + exception.Message + ")");
        }
    }

    private static AsymmetricAlgorithm ImportPkcs8(Pkcs8PrivateKeyInfo info, string keyFile)
    {
        var encoded = info.Encode();
        switch (info.AlgorithmId.Value)
        {
            case RsaOid:
                var rsa = RSA.Create();
                rsa.ImportPkcs8PrivateKey(encoded, out _);
                return rsa;
            case EcPublicKeyOid:
                var ecdsa = ECDsa.Create();
                ecdsa.ImportPkcs8PrivateKey(encoded, out _);
                return ecdsa;
            default:
                throw new SpdfException(
                    DiagnosticIds.SigningKeyWeak,
                    $"The signing key '{keyFile}' is a {info.AlgorithmId.FriendlyName ?? info.AlgorithmId.Value} key; Spdf.Build signs with RSA or ECDSA keys only.",
                    keyFile);
        }
    }

    private static SigningIdentity LoadPfx(string pfxFile, string? certificateFile, string? passwordVariable)
    {
        var bytes = ReadBytes(pfxFile, "PFX");
        Pkcs12Info info;
        try
        {
            info = Pkcs12Info.Decode(bytes, out _, skipCopy: true);
        }
        catch (CryptographicException)
        {
            throw Unreadable(pfxFile, "it is not a PKCS#12 (PFX) file");
        }

        string? password = null;
        if (info.IntegrityMode == Pkcs12IntegrityMode.Password)
        {
            if (info.VerifyMac(string.Empty) || info.VerifyMac(null))
            {
                password = string.Empty;
            }
            else
            {
                password = ReadPassword(passwordVariable, pfxFile);
                if (!info.VerifyMac(password))
                    throw WrongPassword(pfxFile, passwordVariable!);
            }
        }

        X509Certificate2Collection collection;
        try
        {
            collection = new X509Certificate2Collection();
            collection.Import(bytes, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException exception)
        {
            throw Unreadable(pfxFile, "its content cannot be read (" + exception.Message + ")");
        }

        var leaf = collection.Cast<X509Certificate2>().FirstOrDefault(c => c.HasPrivateKey);
        if (leaf is null)
        {
            throw new SpdfException(
                DiagnosticIds.SigningCertificateWithoutPrivateKey,
                $"The PFX file '{pfxFile}' holds {collection.Count} certificate(s) but no private key: export it with its private key, or use pem:<key.pem> with SpdfSigningCertificate.",
                pfxFile);
        }

        AsymmetricAlgorithm key = (AsymmetricAlgorithm?)leaf.GetRSAPrivateKey() ?? leaf.GetECDsaPrivateKey()
            ?? throw new SpdfException(DiagnosticIds.SigningKeyWeak, $"The key in '{pfxFile}' is not an RSA or ECDSA key.", pfxFile);
        var chain = collection.Cast<X509Certificate2>().Where(c => !ReferenceEquals(c, leaf)).ToList();
        if (certificateFile is not null)
            chain.AddRange(ReadCertificates(certificateFile).Where(c => c.Thumbprint != leaf.Thumbprint));
        var publicLeaf = new X509Certificate2(leaf.RawData);
        leaf.Dispose();
        return new SigningIdentity(publicLeaf, key, chain, isEphemeral: false);
    }

    private static SigningIdentity LoadCommand(SigningKeySpecification specification, string? certificateFile, string baseDirectory)
    {
        if (certificateFile is null)
            throw CertificateNotConfigured("cmd:" + specification.Program);
        var certificates = ReadCertificates(certificateFile);
        var leaf = certificates[0];
        var signer = new ExternalSignerProcess(specification.Program, specification.Arguments, baseDirectory);
        AsymmetricAlgorithm key = leaf.GetRSAPublicKey() is { } rsa
            ? new ExternalRsa(rsa, signer)
            : leaf.GetECDsaPublicKey() is { } ecdsa
                ? new ExternalECDsa(ecdsa, signer)
                : throw new SpdfException(DiagnosticIds.SigningKeyWeak, $"The certificate '{leaf.Subject}' in '{certificateFile}' has neither an RSA nor an ECDSA key.", certificateFile);
        return new SigningIdentity(leaf, key, certificates.Skip(1).ToArray(), isEphemeral: false);
    }

    internal static List<X509Certificate2> ReadCertificates(string certificateFile)
    {
        var text = ReadText(certificateFile, "signing certificate");
        var collection = new X509Certificate2Collection();
        try
        {
            collection.ImportFromPem(text);
        }
        catch (CryptographicException exception)
        {
            throw Unreadable(certificateFile, "a certificate in it is corrupt (" + exception.Message + ")");
        }

        if (collection.Count == 0)
            throw Unreadable(certificateFile, "it contains no -----BEGIN CERTIFICATE----- block");
        return collection.Cast<X509Certificate2>().ToList();
    }

    private static string ReadPassword(string? passwordVariable, string file)
    {
        if (string.IsNullOrWhiteSpace(passwordVariable))
        {
            throw new SpdfException(
                DiagnosticIds.SigningKeyPasswordMissing,
                $"'{file}' is encrypted but SpdfSigningKeyPasswordVariable is not set: set it to the name of an environment variable that holds the password (the password itself never goes into a property).",
                file);
        }

        var password = Environment.GetEnvironmentVariable(passwordVariable!);
        if (string.IsNullOrEmpty(password))
        {
            throw new SpdfException(
                DiagnosticIds.SigningKeyPasswordMissing,
                $"'{file}' is encrypted but the environment variable '{passwordVariable}' (named by SpdfSigningKeyPasswordVariable) is not set.",
                file);
        }

        return password!;
    }

    private static string ReadText(string file, string what) => System.Text.Encoding.UTF8.GetString(ReadBytes(file, what));

    private static byte[] ReadBytes(string file, string what)
    {
        try
        {
            return File.ReadAllBytes(file);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new SpdfException(DiagnosticIds.SigningFileNotFound, $"The {what} file '{file}' does not exist.", file);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw Unreadable(file, exception.Message);
        }
    }

    private static string DescribeSource(SigningKeySpecification specification) => specification.Source switch
    {
        SigningKeySource.Pem => $"'{specification.Path}'",
        SigningKeySource.Pfx => $"'{specification.Path}'",
        _ => $"of the external signer '{specification.Program}'",
    };

    private static string? KeyFile(SigningKeySpecification specification, string baseDirectory, string? certificateFile)
        => specification.Source is SigningKeySource.Pem or SigningKeySource.Pfx ? Path.GetFullPath(specification.Path, baseDirectory) : certificateFile;

    private static SpdfException WrongPassword(string file, string passwordVariable)
        => new(DiagnosticIds.SigningKeyPasswordWrong, $"The password in the environment variable '{passwordVariable}' does not decrypt '{file}'.", file);

    private static SpdfException Unreadable(string file, string reason)
        => new(DiagnosticIds.SigningFileUnreadable, $"'{file}' cannot be read as a signing key or certificate: {reason}.", file);

    private static SpdfException CertificateNotConfigured(string source)
        => new(
            DiagnosticIds.SigningCertificateNotConfigured,
            $"SpdfSigningKey '{source}' carries no certificate: set SpdfSigningCertificate to a PEM file with the signing certificate first, then its issuers.");
}
