using System;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Spdf.Build.Core.Sbom;

/// <summary>
/// A package as extracted in a NuGet packages folder: its manifest, the SHA-512 of the <c>.nupkg</c> file NuGet
/// recorded when it extracted the package (<c>.nupkg.sha512</c>), and the feed it came from
/// (<c>.nupkg.metadata</c>). The <c>sha512</c> in project.assets.json is a content hash, not the file's hash.
/// </summary>
public sealed record PackageFolderEntry(string Folder, NuspecMetadata Nuspec, string Sha512Hex, string? Source)
{
    public static PackageFolderEntry Locate(AssetsFile assets, AssetsLibrary package)
    {
        var relative = package.Path ?? (package.Name.ToLowerInvariant() + "/" + package.Version.ToLowerInvariant());
        foreach (var packageFolder in assets.PackageFolders)
        {
            if (TryRead(Path.Combine(packageFolder, relative), package) is { } entry)
                return entry;
        }

        var searched = string.Join(", ", assets.PackageFolders);
        throw new SpdfException(
            DiagnosticIds.PackageFolderEntryMissing,
            $"Package {package.Name} {package.Version} from '{assets.FilePath}' is not in the packages folder(s) {searched} (looked for '{relative}'). Restore the project again.",
            assets.FilePath);
    }

    /// <summary>The entry in <paramref name="folder"/>, or null when there is no such folder.</summary>
    private static PackageFolderEntry? TryRead(string folder, AssetsLibrary package)
    {
        // NuGet writes lower-case file names: open those directly (hundreds of packages per build, so no
        // existence checks on the common path) and list the folder only when they are absent.
        var lowerId = package.Name.ToLowerInvariant();
        var nuspecPath = Path.Combine(folder, lowerId + ".nuspec");
        if (!File.Exists(nuspecPath))
        {
            if (!Directory.Exists(folder))
                return null;
            nuspecPath = FirstMatch(folder, "*.nuspec") ?? throw Missing(package, nuspecPath, "manifest (.nuspec)");
        }

        var sha512Path = Path.Combine(folder, lowerId + "." + package.Version.ToLowerInvariant() + ".nupkg.sha512");
        var sha512Text = TryReadAllText(sha512Path);
        if (sha512Text is null)
        {
            var expected = sha512Path;
            sha512Path = FirstMatch(folder, "*.nupkg.sha512") ?? throw Missing(package, expected, "package hash (.nupkg.sha512)");
            sha512Text = File.ReadAllText(sha512Path);
        }

        string hex;
        try
        {
            hex = Convert.ToHexString(Convert.FromBase64String(sha512Text.Trim())).ToLowerInvariant();
        }
        catch (FormatException)
        {
            throw new SpdfException(DiagnosticIds.PackageFolderEntryMissing, $"The package hash file '{sha512Path}' does not hold a base64 SHA-512. Delete the package folder and restore again.", sha512Path, 1);
        }

        if (hex.Length != 128)
            throw new SpdfException(DiagnosticIds.PackageFolderEntryMissing, $"The package hash file '{sha512Path}' does not hold a SHA-512 (64 bytes). Delete the package folder and restore again.", sha512Path, 1);

        return new PackageFolderEntry(folder, NuspecMetadata.Read(nuspecPath), hex, ReadSource(Path.Combine(folder, ".nupkg.metadata")));
    }

    private static string? TryReadAllText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    private static string? FirstMatch(string folder, string pattern)
        => Directory.EnumerateFiles(folder, pattern).OrderBy(p => p, StringComparer.Ordinal).FirstOrDefault();

    private static string? ReadSource(string metadataPath)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(metadataPath);
        }
        catch (FileNotFoundException)
        {
            return null;
        }

        try
        {
            // Only the top-level "source" string is needed: a reader pass, no document.
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            string? source = null;
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("source"u8))
                {
                    reader.Read();
                    source ??= reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }
            }

            return source;
        }
        catch (JsonException)
        {
            // The feed is informative only; a damaged metadata file does not change what ships.
            return null;
        }
    }

    private static SpdfException Missing(AssetsLibrary package, string path, string what)
        => new(DiagnosticIds.PackageFolderEntryMissing, $"Package {package.Name} {package.Version} has no {what} at '{path}'. Restore the project again (delete the package folder first if it is damaged).", path);
}
