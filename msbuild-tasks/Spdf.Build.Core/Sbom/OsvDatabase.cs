using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;

namespace Spdf.Build.Core.Sbom;

/// <summary>
/// A folder (searched recursively) or a zip of OSV advisory files, as exported by the GitHub Advisory Database
/// and osv.dev. Unusable files are skipped and reported, never fatal: one bad file must not hide the others.
/// </summary>
public sealed class OsvDatabase
{
    private OsvDatabase(string location, IReadOnlyList<OsvAdvisory> advisories, IReadOnlyList<(string File, string Problem)> skipped)
    {
        Location = location;
        Advisories = advisories;
        Skipped = skipped;
    }

    public string Location { get; }

    /// <summary>Usable advisories, withdrawn ones included (the matcher decides what to do with them).</summary>
    public IReadOnlyList<OsvAdvisory> Advisories { get; }

    public IReadOnlyList<(string File, string Problem)> Skipped { get; }

    public static OsvDatabase Load(string location)
    {
        var advisories = new List<OsvAdvisory>();
        var skipped = new List<(string, string)>();
        void Add(byte[] json, string file)
        {
            var advisory = OsvAdvisory.TryParse(json, file, out var problem);
            if (advisory is null)
                skipped.Add((file, problem ?? "not an OSV advisory"));
            else
                advisories.Add(advisory);
        }

        if (Directory.Exists(location))
        {
            foreach (var file in Directory.EnumerateFiles(location, "*.json", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
                Add(File.ReadAllBytes(file), file);
        }
        else if (File.Exists(location) && location.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                using var archive = ZipFile.OpenRead(location);
                foreach (var entry in archive.Entries.Where(e => e.FullName.EndsWith(".json", StringComparison.OrdinalIgnoreCase)).OrderBy(e => e.FullName, StringComparer.Ordinal))
                {
                    using var stream = entry.Open();
                    using var buffer = new MemoryStream();
                    stream.CopyTo(buffer);
                    Add(buffer.ToArray(), location + "!" + entry.FullName);
                }
            }
            catch (InvalidDataException exception)
            {
                skipped.Add((location, "the zip file cannot be read: " + exception.Message));
            }
        }
        else
        {
            throw new SpdfException(DiagnosticIds.SbomInputNotFound, $"SpdfVulnerabilityDatabase is '{location}', which is neither a folder nor a .zip file of OSV advisories.", location);
        }

        return new OsvDatabase(location, advisories, skipped);
    }
}
