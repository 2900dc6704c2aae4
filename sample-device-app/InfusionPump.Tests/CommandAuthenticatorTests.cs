using Contoso.InfusionPump.Communication;
using Spdf.Build;

namespace Contoso.InfusionPump.Tests;

public sealed class CommandAuthenticatorTests
{
    private readonly ManualClock _clock = new();
    private readonly byte[] _key = TestData.Key(7);

    private string Signed(ulong sequence, string verb = "STATUS", string argument = "")
        => CommandAuthenticator.Sign(_key, new PumpCommand(sequence, _clock.Now.ToUnixTimeSeconds(), verb, argument));

    [Fact]
    [Verifies("SC-001")]
    public void Correctly_signed_fresh_command_is_accepted()
    {
        var authenticator = new CommandAuthenticator(_key, _clock);
        Assert.Equal(CommandRejection.None, authenticator.TryAccept(Signed(1), out var command));
        Assert.Equal("STATUS", command!.Verb);
    }

    [Fact]
    [Verifies("SC-001")]
    public void Command_signed_with_another_key_is_rejected()
    {
        var authenticator = new CommandAuthenticator(TestData.Key(9), _clock);
        Assert.Equal(CommandRejection.BadSignature, authenticator.TryAccept(Signed(1), out _));
    }

    [Fact]
    [Verifies("SC-002")]
    public void Replayed_command_is_rejected()
    {
        var authenticator = new CommandAuthenticator(_key, _clock);
        var line = Signed(5, "BOLUS", "MOR,0.5");
        Assert.Equal(CommandRejection.None, authenticator.TryAccept(line, out _));
        Assert.Equal(CommandRejection.Replayed, authenticator.TryAccept(line, out _));
        Assert.Equal(CommandRejection.Replayed, authenticator.TryAccept(Signed(4), out _));
    }

    [Fact]
    [Verifies("SC-003")]
    public void Delayed_command_is_rejected_as_stale()
    {
        var authenticator = new CommandAuthenticator(_key, _clock);
        var line = Signed(1);
        _clock.Now += TimeSpan.FromMinutes(2);
        Assert.Equal(CommandRejection.Stale, authenticator.TryAccept(line, out _));
    }

    [Theory]
    [Verifies("SC-001")]
    [InlineData("")]
    [InlineData("1|2|3")]
    [InlineData("x|0|STATUS||AAAA")]
    [InlineData("1|0|STATUS||not-base64")]
    public void Malformed_lines_are_rejected(string line)
        => Assert.Equal(CommandRejection.Malformed, new CommandAuthenticator(_key, _clock).TryAccept(line, out _));

    [Fact]
    [Verifies("SC-011")]
    public void Short_pairing_key_is_refused()
        => Assert.Throws<ArgumentException>(() => new CommandAuthenticator(new byte[16], _clock));
}
