using System.Security.Cryptography;
using System.Text;
using Contoso.InfusionPump.Dosing;

namespace Contoso.InfusionPump.Tests;

internal static class TestData
{
    public const string LibraryJson = """
        [
          { "Code": "HEP", "Name": "Heparin", "ConcentrationMgPerMl": 100, "SoftMaxRateMlPerHour": 20, "HardMaxRateMlPerHour": 40, "MaxBolusMl": 2 },
          { "Code": "MOR", "Name": "Morphine", "ConcentrationMgPerMl": 1, "SoftMaxRateMlPerHour": 5, "HardMaxRateMlPerHour": 10, "MaxBolusMl": 1 }
        ]
        """;

    public static byte[] LibraryBytes => Encoding.UTF8.GetBytes(LibraryJson);

    public static DrugLibrary Library() => DrugLibrary.Load(LibraryBytes, SHA256.HashData(LibraryBytes));

    public static byte[] Key(byte seed) => Enumerable.Range(0, 32).Select(i => (byte)(i ^ seed)).ToArray();
}

internal sealed class ManualClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Now;
}
