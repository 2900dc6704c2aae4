using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Spdf.Build.EndToEnd.Tests.Infrastructure;

namespace Spdf.Build.EndToEnd.Tests.Signing;

/// <summary>
/// A throwaway PKI (ECDSA P-384 root, RSA 3072 leaf, the key also as encrypted PKCS#8) and a small console
/// project that consumes the repository's build files like the sample does, in a temporary folder. Each test
/// copies the project so that builds with different keys never share an output folder.
/// </summary>
public sealed class SigningProjectFixture : IDisposable
{
    public const string Password = "Spdf-e2e-password-7f3c9d2a51b84e06";
    public const string PasswordVariable = "SPDF_E2E_SIGNING_KEY_PASSWORD";
    public const string SourceDateEpoch = "1767225600";

    public SigningProjectFixture()
    {
        Pki = new TemporaryDirectory("spdf-e2e-pki-");
        using var rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var rootRequest = new CertificateRequest("CN=Contoso Device Signing Root", rootKey, HashAlgorithmName.SHA384);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        rootRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        using var root = rootRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddYears(-1), DateTimeOffset.UtcNow.AddYears(10));
        using var key = RSA.Create(3072);
        var leafRequest = new CertificateRequest("CN=Contoso Build Server", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        leafRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        using var leaf = leafRequest.Create(root.SubjectName, X509SignatureGenerator.CreateForECDsa(rootKey), DateTimeOffset.UtcNow.AddYears(-1), DateTimeOffset.UtcNow.AddYears(5), new byte[] { 7, 1, 2, 3 });
        File.WriteAllText(RootPath, root.ExportCertificatePem() + "\n");
        File.WriteAllText(ChainPath, leaf.ExportCertificatePem() + "\n" + root.ExportCertificatePem() + "\n");
        File.WriteAllText(KeyPath, key.ExportPkcs8PrivateKeyPem() + "\n");
        File.WriteAllText(EncryptedKeyPath, key.ExportEncryptedPkcs8PrivateKeyPem(Password, new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 100_000)) + "\n");
        File.WriteAllText(SignerScriptPath, "#!/bin/sh\n# Spdf.Build cmd: protocol: SHA-256 digest on stdin, PKCS#1 v1.5 signature on stdout.\nexec openssl pkeyutl -sign -inkey \"$1\" -pkeyopt digest:sha256\n");

        // The task assembly the projects load (the sample's build also builds it; this makes the fixture independent).
        DotNet.Run(RepositoryPaths.Root, "build", "msbuild-tasks/Spdf.Build.Tasks/Spdf.Build.Tasks.csproj", "-c", "Release").AssertSuccess();
    }

    public TemporaryDirectory Pki { get; }

    public string RootPath => Pki.Combine("root.pem");

    public string ChainPath => Pki.Combine("chain.pem");

    public string KeyPath => Pki.Combine("key.pem");

    public string EncryptedKeyPath => Pki.Combine("key.encrypted.pem");

    public string SignerScriptPath => Pki.Combine("sign.sh");

    /// <summary>A fresh copy of the device project; <paramref name="properties"/> go into its project file.</summary>
    public TemporaryDirectory CreateProject(string properties = "")
    {
        var project = new TemporaryDirectory("spdf-e2e-signing-");
        var repository = RepositoryPaths.Root.TrimEnd('/') + "/";
        File.WriteAllText(project.Combine("Directory.Build.props"), $"""
            <Project>
              <Import Project="{repository}msbuild-tasks/Spdf.Build/build/Spdf.Build.props" />
            </Project>
            """);
        File.WriteAllText(project.Combine("Directory.Build.targets"), $"""
            <Project>
              <PropertyGroup>
                <SpdfTasksAssembly>{repository}msbuild-tasks/Spdf.Build.Tasks/bin/Release/net8.0/Spdf.Build.Tasks.dll</SpdfTasksAssembly>
                <SpdfUseTaskHost Condition="'$(SpdfUseTaskHost)' == ''">true</SpdfUseTaskHost>
              </PropertyGroup>
              <Import Project="{repository}msbuild-tasks/Spdf.Build/build/Spdf.Build.targets" />
            </Project>
            """);
        File.WriteAllText(project.Combine("Device.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Deterministic>true</Deterministic>
                {properties}
              </PropertyGroup>
            </Project>
            """);
        File.WriteAllText(project.Combine("Program.cs"), "Console.WriteLine(\"infusion pump controller\");\n");
        return project;
    }

    public static CommandResult Build(TemporaryDirectory project, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var all = new List<string> { "build", "Device.csproj" };
        all.AddRange(arguments);
        return DotNet.Run(project.Path, environment, all.ToArray());
    }

    public static string OutputDirectory(TemporaryDirectory project, string configuration = "Release")
        => project.Combine("bin", configuration, "net10.0");

    public void Dispose() => Pki.Dispose();
}
