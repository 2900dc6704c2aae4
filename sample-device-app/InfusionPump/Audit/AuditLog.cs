using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Spdf.Build;

namespace Contoso.InfusionPump.Audit;

/// <summary>
/// Append-only audit log whose entries form an HMAC-SHA256 chain: each entry's tag covers the previous tag,
/// so deleting, reordering or editing an entry is detected by <see cref="Verify"/>. Entries hold event
/// names and outcomes only, never patient data.
/// </summary>
public sealed class AuditLog
{
    private readonly byte[] _key;
    private readonly TimeProvider _clock;
    private readonly List<AuditEntry> _entries = new();
    private byte[] _previousTag = new byte[HMACSHA256.HashSizeInBytes];

    public AuditLog(ReadOnlySpan<byte> key, TimeProvider clock)
    {
        if (key.Length < 32)
            throw new ArgumentException("The audit key must be at least 256 bits.", nameof(key));
        _key = key.ToArray();
        _clock = clock;
    }

    public IReadOnlyList<AuditEntry> Entries => _entries;

    [ImplementsControl("SC-013")]
    public AuditEntry Append(string eventName, string detail)
    {
        var entry = new AuditEntry(_entries.Count, _clock.GetUtcNow(), eventName, detail, Array.Empty<byte>());
        var tag = ComputeTag(_key, _previousTag, entry);
        entry = entry with { Tag = tag };
        _entries.Add(entry);
        _previousTag = tag;
        return entry;
    }

    /// <summary>True when every entry's tag matches the chain.</summary>
    [ImplementsControl("SC-013")]
    public static bool Verify(IReadOnlyList<AuditEntry> entries, ReadOnlySpan<byte> key)
    {
        var previous = new byte[HMACSHA256.HashSizeInBytes];
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (entry.Index != i)
                return false;
            var expected = ComputeTag(key, previous, entry);
            if (!CryptographicOperations.FixedTimeEquals(expected, entry.Tag))
                return false;
            previous = entry.Tag;
        }

        return true;
    }

    private static byte[] ComputeTag(ReadOnlySpan<byte> key, byte[] previousTag, AuditEntry entry)
    {
        var text = string.Join('\n', entry.Index.ToString(CultureInfo.InvariantCulture), entry.Time.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), entry.EventName, entry.Detail);
        var data = new byte[previousTag.Length + Encoding.UTF8.GetByteCount(text)];
        previousTag.CopyTo(data, 0);
        Encoding.UTF8.GetBytes(text, 0, text.Length, data, previousTag.Length);
        return HMACSHA256.HashData(key, data);
    }
}

public sealed record AuditEntry(int Index, DateTimeOffset Time, string EventName, string Detail, byte[] Tag);
