using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Spdf.Build;

namespace Contoso.InfusionPump.Dosing;

/// <summary>
/// The drug library loaded into the pump. The file is accepted only when its SHA-256 matches the digest
/// the pharmacy published with it, so a tampered library never reaches dose programming.
/// </summary>
public sealed class DrugLibrary
{
    private readonly Dictionary<string, DrugEntry> _entries;

    private DrugLibrary(Dictionary<string, DrugEntry> entries) => _entries = entries;

    public int Count => _entries.Count;

    [ImplementsControl("SC-006")]
    public static DrugLibrary Load(ReadOnlySpan<byte> libraryJson, ReadOnlySpan<byte> expectedSha256)
    {
        Span<byte> actual = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(libraryJson, actual);
        if (!CryptographicOperations.FixedTimeEquals(actual, expectedSha256))
            throw new InvalidDataException("The drug library does not match its published SHA-256 digest.");

        var entries = JsonSerializer.Deserialize<List<DrugEntry>>(Encoding.UTF8.GetString(libraryJson))
                      ?? throw new InvalidDataException("The drug library is empty.");
        var byCode = new Dictionary<string, DrugEntry>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (entry.HardMaxRateMlPerHour <= 0 || entry.SoftMaxRateMlPerHour > entry.HardMaxRateMlPerHour)
                throw new InvalidDataException($"Drug '{entry.Code}' has inconsistent rate limits.");
            if (!byCode.TryAdd(entry.Code, entry))
                throw new InvalidDataException($"Drug '{entry.Code}' appears twice in the library.");
        }

        return new DrugLibrary(byCode);
    }

    public bool TryGet(string code, out DrugEntry entry) => _entries.TryGetValue(code, out entry!);
}
