using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Spdf.Build;

namespace Contoso.InfusionPump.Communication;

public enum CommandRejection
{
    None,
    Malformed,
    BadSignature,
    Replayed,
    Stale,
}

/// <summary>
/// Authenticates gateway commands: an HMAC-SHA256 tag under the key provisioned at pairing, a strictly
/// increasing sequence number against replay, and a freshness window against delayed delivery.
/// </summary>
public sealed class CommandAuthenticator
{
    public static readonly TimeSpan FreshnessWindow = TimeSpan.FromSeconds(30);

    private readonly byte[] _key;
    private readonly TimeProvider _clock;
    private ulong _lastSequence;

    [ImplementsControl("SC-011")]
    public CommandAuthenticator(ReadOnlySpan<byte> pairingKey, TimeProvider clock)
    {
        if (pairingKey.Length < 32)
            throw new ArgumentException("The pairing key must be at least 256 bits.", nameof(pairingKey));
        _key = pairingKey.ToArray();
        _clock = clock;
    }

    public static string Sign(ReadOnlySpan<byte> key, PumpCommand command)
    {
        var body = Body(command);
        var tag = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(body));
        return body + "|" + Convert.ToBase64String(tag);
    }

    [ImplementsControl("SC-001")]
    [ImplementsControl("SC-002")]
    [ImplementsControl("SC-003")]
    public CommandRejection TryAccept(string line, out PumpCommand? command)
    {
        command = null;
        var fields = line.Split('|');
        if (fields.Length != 5
            || !ulong.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            || !long.TryParse(fields[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var time))
        {
            return CommandRejection.Malformed;
        }

        var candidate = new PumpCommand(sequence, time, fields[2], fields[3]);
        Span<byte> received = stackalloc byte[HMACSHA256.HashSizeInBytes];
        if (!Convert.TryFromBase64String(fields[4], received, out var written) || written != received.Length)
            return CommandRejection.Malformed;

        var expected = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(Body(candidate)));
        if (!CryptographicOperations.FixedTimeEquals(expected, received))
            return CommandRejection.BadSignature;

        var age = _clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(time);
        if (age.Duration() > FreshnessWindow)
            return CommandRejection.Stale;

        if (sequence <= _lastSequence)
            return CommandRejection.Replayed;

        _lastSequence = sequence;
        command = candidate;
        return CommandRejection.None;
    }

    private static string Body(PumpCommand command)
        => string.Join('|', command.Sequence.ToString(CultureInfo.InvariantCulture), command.UnixTimeSeconds.ToString(CultureInfo.InvariantCulture), command.Verb, command.Argument);
}
