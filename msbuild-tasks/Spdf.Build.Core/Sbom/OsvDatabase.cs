using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.Json;

namespace Spdf.Build.Core.Sbom;

/// <summary>
/// A folder (searched recursively) or a zip of OSV advisory files, as exported by the GitHub Advisory Database
/// and osv.dev. Unusable files are skipped and reported, never fatal: one bad file must not hide the others.
/// </summary>
public sealed class OsvDatabase
{
    private OsvDatabase(string location, IReadOnlyList<OsvAdvisory> advisories, int count, IReadOnlyList<(string File, string Problem)> skipped)
    {
        Location = location;
        Advisories = advisories;
        Count = count;
        Skipped = skipped;
    }

    public string Location { get; }

    /// <summary>
    /// Usable advisories, withdrawn ones included (the matcher decides what to do with them); when loaded for some
    /// packages only, the advisories that name one of them.
    /// </summary>
    public IReadOnlyList<OsvAdvisory> Advisories { get; }

    /// <summary>Advisories in the database, including those left unparsed because they name none of the packages.</summary>
    public int Count { get; }

    public IReadOnlyList<(string File, string Problem)> Skipped { get; }

    /// <summary>
    /// Loads the advisories at <paramref name="location"/>. With <paramref name="isRelevantPackage"/>, an advisory
    /// is fully parsed only when one of its <c>affected[].package.name</c> passes it (or when a quick read cannot
    /// tell): a database of thousands of advisories costs a tokenizer pass per file, not a parse. Such an unparsed
    /// advisory counts in <see cref="Count"/> and is not checked further, so a malformed version in an advisory for
    /// a package the project does not use is not reported.
    /// </summary>
    public static OsvDatabase Load(string location, Func<string, bool>? isRelevantPackage = null)
    {
        var advisories = new List<OsvAdvisory>();
        var skipped = new List<(string, string)>();
        var count = 0;
        void Add(byte[] json, string file)
        {
            if (isRelevantPackage is not null && NamesOnlyOtherPackages(json, isRelevantPackage))
            {
                count++;
                return;
            }

            var advisory = OsvAdvisory.TryParse(json, file, out var problem);
            if (advisory is null)
                skipped.Add((file, problem ?? "not an OSV advisory"));
            else
            {
                advisories.Add(advisory);
                count++;
            }
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

        return new OsvDatabase(location, advisories, count, skipped);
    }

    /// <summary>
    /// True when the advisory has an <c>id</c> and every <c>affected[].package.name</c> is a string that
    /// <paramref name="isRelevantPackage"/> rejects: one forward pass with the tokenizer, no document. False when in
    /// doubt (malformed JSON, no id, a package without a name), so the full parse decides and reports.
    /// </summary>
    private static bool NamesOnlyOtherPackages(byte[] json, Func<string, bool> isRelevantPackage)
    {
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { AllowTrailingCommas = true });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return false;
            var hasId = false;
            var inAffected = false;
            var inPackage = false;
            int packages = 0, names = 0;
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName)
                    continue;
                switch (reader.CurrentDepth)
                {
                    case 1:
                        inAffected = reader.ValueTextEquals("affected"u8);
                        if (reader.ValueTextEquals("id"u8))
                        {
                            reader.Read();
                            hasId = reader.TokenType == JsonTokenType.String && !string.IsNullOrWhiteSpace(reader.GetString());
                        }

                        break;
                    case 3 when inAffected:
                        inPackage = reader.ValueTextEquals("package"u8);
                        packages += inPackage ? 1 : 0;
                        break;
                    case 4 when inAffected && inPackage && reader.ValueTextEquals("name"u8):
                        reader.Read();
                        if (reader.TokenType != JsonTokenType.String || isRelevantPackage(reader.GetString()!))
                            return false;
                        names++;
                        break;
                }
            }

            return hasId && names == packages;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
