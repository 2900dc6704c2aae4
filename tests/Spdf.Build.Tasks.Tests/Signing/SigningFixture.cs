using System;
using Spdf.Build.Core.Signing;

namespace Spdf.Build.Tasks.Tests.Signing;

/// <summary>One RSA PKI, its loaded signer and one signed output folder, shared by a test class (RSA key generation is slow).</summary>
public sealed class SigningFixture : IDisposable
{
    public SigningFixture()
    {
        Pki = TestPki.CreateRsa();
        Identity = SigningKeyLoader.Load(SigningKeySpecification.Parse("pem:key.pem"), "chain.pem", null, Pki.Folder, TestPki.SigningTime);
        Signed = SignedOutputFolder.Create(Identity);
    }

    public TestPki Pki { get; }

    public SigningIdentity Identity { get; }

    public SignedOutputFolder Signed { get; }

    public void Dispose()
    {
        Signed.Dispose();
        Identity.Dispose();
        Pki.Dispose();
    }
}
