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
            var folder = Path.Combine(packageFolder, relative);
            if (Directory.Exists(folder))
                return Read(folder, package);
        }

        var searched = string.Join(", ", assets.PackageFolders);
        throw new SpdfException(
            DiagnosticIds.PackageFolderEntryMissing,
            $"Package {package.Name} {package.Version} from '{assets.FilePath}' is not in the packages folder(s) {searched} (looked for '{relative}'). Restore the project again.",
            assets.FilePath);
    }

    private static PackageFolderEntry Read(string folder, AssetsLibrary package)
    {
        var lowerId = package.Name.ToLowerInvariant();
        var nuspecPath = Path.Combine(folder, lowerId + ".nuspec");
        if (!File.Exists(nuspecPath))
            nuspecPath = Directory.EnumerateFiles(folder, "*.nuspec").OrderBy(p => p, StringComparer.Ordinal).FirstOrDefault() ?? nuspecPath;
        if (!File.Exists(nuspecPath))
            throw Missing(package, nuspecPath, "manifest (.nuspec)");

        var sha512Path = Directory.EnumerateFiles(folder, "*.nupkg.sha512").OrderBy(p => p, StringComparer.Ordinal).FirstOrDefault()
            ?? Path.Combine(folder, lowerId + "." + package.Version.ToLowerInvariant() + ".nupkg.sha512");
        if (!File.Exists(sha512Path))
            throw Missing(package, sha512Path, "package hash (.nupkg.sha512)");

        string hex;
        try
        {
            hex = Convert.ToHexString(Convert.FromBase64String(File.ReadAllText(sha512Path).Trim())).ToLowerInvariant();
        }
        catch (FormatException)
        {
            throw new SpdfException(DiagnosticIds.PackageFolderEntryMissing, $"The package hash file '{sha512Path}' does not hold a base64 SHA-512. Delete the package folder and restore again.", sha512Path, 1);
        }

        if (hex.Length != 128)
            throw new SpdfException(DiagnosticIds.PackageFolderEntryMissing, $"The package hash file '{sha512Path}' does not hold a SHA-512 (64 bytes). Delete the package folder and restore again.", sha512Path, 1);

        return new PackageFolderEntry(folder, NuspecMetadata.Read(nuspecPath), hex, ReadSource(Path.Combine(folder, ".nupkg.metadata")));
    }

    private static string? ReadSource(string metadataPath)
    {
        if (!File.Exists(metadataPath))
            return null;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(metadataPath));
            return document.RootElement.GetString("source");
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
