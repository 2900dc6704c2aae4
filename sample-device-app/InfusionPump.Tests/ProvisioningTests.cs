namespace Contoso.InfusionPump.Tests;

public sealed class ProvisioningTests
{
    [Theory]
    [InlineData("../../etc/shadow")]
    [InlineData("/etc/shadow")]
    [InlineData("../provisioning-old/pairing.key")]
    public async Task Names_outside_the_provisioning_folder_are_refused(string name)
        => await Assert.ThrowsAsync<ArgumentException>(() => Program.ReadProvisionedFileAsync(name));

    [Fact]
    public async Task Files_inside_the_provisioning_folder_are_read()
    {
        Directory.CreateDirectory(Program.ProvisioningDirectory);
        var name = "test-" + Environment.ProcessId + ".sha256";
        var path = Path.Combine(Program.ProvisioningDirectory, name);
        await File.WriteAllTextAsync(path, "00");
        try
        {
            Assert.Equal("00"u8.ToArray(), await Program.ReadProvisionedFileAsync(name));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
