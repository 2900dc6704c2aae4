using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace Spdf.Build.Core.Sbom;

/// <summary>One .NET release channel (major.minor) and its support dates.</summary>
public sealed record DotNetChannel(string Version, string ReleaseType, string SupportPhase, DateOnly? EndOfSupport);

/// <summary>
/// .NET's support lifecycle, for the runtime and the packages Microsoft ships with each .NET release (their
/// version's major.minor is the channel). Built in: the facts of the releases index dated <see cref="BuiltInDataDate"/>;
/// a newer releases-index.json can be supplied (<c>SpdfDotNetLifecycleData</c>).
/// </summary>
public sealed class DotNetLifecycle
{
    /// <summary>Date of the dotnet/core release-notes/releases-index.json the built-in facts were taken from.</summary>
    public const string BuiltInDataDate = "2026-07-24";

    // Package id prefixes of packages built from the .NET repositories and versioned with a .NET channel.
    private static readonly string[] PlatformPackagePrefixes =
    {
        "Microsoft.NETCore.", "Microsoft.AspNetCore.", "Microsoft.Extensions.", "Microsoft.Bcl.", "Microsoft.Win32.",
        "Microsoft.EntityFrameworkCore", "System.", "runtime.",
    };

    private readonly Dictionary<string, DotNetChannel> _channels;

    private DotNetLifecycle(IEnumerable<DotNetChannel> channels, string dataDescription)
    {
        _channels = channels.ToDictionary(c => c.Version, StringComparer.Ordinal);
        DataDescription = dataDescription;
    }

    /// <summary>Which data the facts come from, recorded in the SBOM.</summary>
    public string DataDescription { get; }

    public static DotNetLifecycle BuiltIn { get; } = new(
        new[]
        {
            new DotNetChannel("11.0", "sts", "preview", null),
            new DotNetChannel("10.0", "lts", "active", new DateOnly(2028, 11, 14)),
            new DotNetChannel("9.0", "sts", "maintenance", new DateOnly(2026, 11, 10)),
            new DotNetChannel("8.0", "lts", "maintenance", new DateOnly(2026, 11, 10)),
            new DotNetChannel("7.0", "sts", "eol", new DateOnly(2024, 5, 14)),
            new DotNetChannel("6.0", "lts", "eol", new DateOnly(2024, 11, 12)),
            new DotNetChannel("5.0", "sts", "eol", new DateOnly(2022, 5, 10)),
            new DotNetChannel("3.1", "lts", "eol", new DateOnly(2022, 12, 13)),
            new DotNetChannel("3.0", "sts", "eol", new DateOnly(2020, 3, 3)),
            new DotNetChannel("2.2", "sts", "eol", new DateOnly(2019, 12, 23)),
            new DotNetChannel("2.1", "lts", "eol", new DateOnly(2021, 8, 21)),
            new DotNetChannel("2.0", "sts", "eol", new DateOnly(2018, 10, 1)),
            new DotNetChannel("1.1", "lts", "eol", new DateOnly(2019, 6, 27)),
            new DotNetChannel("1.0", "lts", "eol", new DateOnly(2019, 6, 27)),
        },
        ".NET releases index of " + BuiltInDataDate + " (built into Spdf.Build)");

    /// <summary>Reads a releases-index.json in the format dotnet/core publishes.</summary>
    public static DotNetLifecycle Read(string path)
    {
        var bytes = JsonSource.ReadAllBytes(path, DiagnosticIds.InvalidDotNetLifecycleData, ".NET lifecycle data");
        using var document = JsonSource.Parse(bytes, path, DiagnosticIds.InvalidDotNetLifecycleData, ".NET lifecycle data");
        if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("releases-index", out var index) || index.ValueKind != JsonValueKind.Array)
            throw new SpdfException(DiagnosticIds.InvalidDotNetLifecycleData, $"The .NET lifecycle data '{path}' has no 'releases-index' array (expected dotnet/core's release-notes/releases-index.json).", path, 1);

        var channels = new List<DotNetChannel>();
        var position = 0;
        string? newest = null;
        foreach (var channel in index.EnumerateArray())
        {
            var version = channel.GetString("channel-version");
            var phase = channel.GetString("support-phase");
            var eol = channel.GetString("eol-date");
            DateOnly? eolDate = null;
            if (eol is not null)
            {
                if (!DateOnly.TryParseExact(eol, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                    throw new SpdfException(DiagnosticIds.InvalidDotNetLifecycleData, $"The .NET lifecycle data '{path}' has eol-date '{eol}', not YYYY-MM-DD.", path, JsonSource.LineOf(bytes, "releases-index", position, "eol-date"));
                eolDate = parsed;
            }

            if (version is null || phase is null)
                throw new SpdfException(DiagnosticIds.InvalidDotNetLifecycleData, $"The .NET lifecycle data '{path}' has an entry without channel-version or support-phase.", path, JsonSource.LineOf(bytes, "releases-index", position));

            channels.Add(new DotNetChannel(version, channel.GetString("release-type") ?? "", phase, eolDate));
            var releaseDate = channel.GetString("latest-release-date");
            if (releaseDate is not null && string.CompareOrdinal(releaseDate, newest) > 0)
                newest = releaseDate;
            position++;
        }

        return new DotNetLifecycle(channels, ".NET releases index " + System.IO.Path.GetFileName(path) + (newest is null ? "" : " (newest release " + newest + ")"));
    }

    /// <summary>Whether a package is one Microsoft ships with .NET and versions with its channel.</summary>
    public static bool IsPlatformPackage(string id, string? authors)
        => authors is not null && authors.Contains("Microsoft", StringComparison.OrdinalIgnoreCase)
           && PlatformPackagePrefixes.Any(prefix => id.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

    /// <summary>The channel of a version (<c>10.0.15</c> → <c>10.0</c>), when .NET has such a channel; .NET 5 and later only for packages.</summary>
    public DotNetChannel? ChannelOf(string version, bool isRuntime)
    {
        var parts = version.Split('.', '-');
        if (parts.Length < 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major))
            return null;
        // System.* 4.x packages predate the unified versioning: their number is not a .NET channel.
        if (!isRuntime && major < 5)
            return null;
        return _channels.TryGetValue(major + "." + parts[1], out var channel) ? channel : null;
    }

    public SupportInfo? SupportOf(string version, bool isRuntime, DateOnly buildDate)
    {
        if (ChannelOf(version, isRuntime) is not { } channel)
            return null;

        var source = DataDescription + ", channel " + channel.Version + " " + channel.ReleaseType.ToUpperInvariant() + ", phase " + channel.SupportPhase;
        var ended = channel.SupportPhase == "eol" || (channel.EndOfSupport is { } end && end <= buildDate);
        var justification = channel.EndOfSupport is null ? $".NET {channel.Version} is a {channel.SupportPhase} release; Microsoft publishes its end-of-support date at general availability." : null;
        return new SupportInfo(ended ? SupportLevel.NoLongerMaintained : SupportLevel.ActivelyMaintained, channel.EndOfSupport, "Microsoft Corporation", justification, source);
    }
}
