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
        // NuGet writes lower-case file names; look for those first and list the folder only when they are absent.
        var lowerId = package.Name.ToLowerInvariant();
        var nuspecPath = ExistingOrFirstMatch(folder, lowerId + ".nuspec", "*.nuspec");
        if (nuspecPath is null)
            throw Missing(package, Path.Combine(folder, lowerId + ".nuspec"), "manifest (.nuspec)");

        var expectedHashFile = lowerId + "." + package.Version.ToLowerInvariant() + ".nupkg.sha512";
        var sha512Path = ExistingOrFirstMatch(folder, expectedHashFile, "*.nupkg.sha512");
        if (sha512Path is null)
            throw Missing(package, Path.Combine(folder, expectedHashFile), "package hash (.nupkg.sha512)");

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

    private static string? ExistingOrFirstMatch(string folder, string expectedName, string pattern)
    {
        var expected = Path.Combine(folder, expectedName);
        if (File.Exists(expected))
            return expected;
        return Directory.EnumerateFiles(folder, pattern).OrderBy(p => p, StringComparer.Ordinal).FirstOrDefault();
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
