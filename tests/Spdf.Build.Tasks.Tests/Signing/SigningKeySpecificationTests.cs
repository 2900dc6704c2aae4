using Spdf.Build.Core;
using Spdf.Build.Core.Signing;

namespace Spdf.Build.Tasks.Tests.Signing;

public sealed class SigningKeySpecificationTests
{
    [Theory]
    [InlineData("pem:keys/signing.pem", SigningKeySource.Pem, "keys/signing.pem")]
    [InlineData("PFX: C:/keys/signer.pfx ", SigningKeySource.Pfx, "C:/keys/signer.pfx")]
    [InlineData("ephemeral", SigningKeySource.Ephemeral, "")]
    [InlineData(" Ephemeral ", SigningKeySource.Ephemeral, "")]
    public void Key_files_and_ephemeral_are_recognised(string value, SigningKeySource source, string path)
    {
        var specification = SigningKeySpecification.Parse(value);
        Assert.Equal(source, specification.Source);
        Assert.Equal(path, specification.Path);
    }

    [Fact]
    public void Command_keeps_quoted_arguments_together()
    {
        var specification = SigningKeySpecification.Parse("cmd:/usr/bin/kms-sign --key 'projects/p/keys/device signing' \"--region=eu west\" -v");
        Assert.Equal(SigningKeySource.Command, specification.Source);
        Assert.Equal("/usr/bin/kms-sign", specification.Program);
        Assert.Equal(new[] { "--key", "projects/p/keys/device signing", "--region=eu west", "-v" }, specification.Arguments);
    }

    [Theory]
    [InlineData("keys/signing.pem")]
    [InlineData("pem:")]
    [InlineData("cmd:   ")]
    [InlineData("cmd:sign 'unclosed")]
    [InlineData("gpg:ABCDEF")]
    public void Anything_else_is_an_SPDF0030_error_that_lists_the_forms(string value)
    {
        var error = Assert.Throws<SpdfException>(() => SigningKeySpecification.Parse(value));
        Assert.Equal("SPDF0030", error.DiagnosticId);
        Assert.Contains("pem:<key.pem>, pfx:<file.pfx>, cmd:<program> <arguments> or ephemeral", error.Message, System.StringComparison.Ordinal);
    }
}
