using System;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;

namespace Spdf.Build.Core.Sbom;

/// <summary>The parts of a package's <c>.nuspec</c> the SBOM records.</summary>
public sealed record NuspecMetadata(
    string Id,
    string Version,
    string? Authors,
    string? Owners,
    string? Description,
    string? ProjectUrl,
    string? LicenseExpression,
    string? LicenseFile,
    string? LicenseUrl,
    string? Copyright,
    string? RepositoryUrl,
    string? RepositoryCommit,
    bool DevelopmentDependency)
{
    public static NuspecMetadata Read(string path)
    {
        XDocument document;
        try
        {
            using var stream = File.OpenRead(path);
            document = XDocument.Load(stream, LoadOptions.SetLineInfo);
        }
        catch (XmlException exception)
        {
            throw new SpdfException(DiagnosticIds.InvalidNuspec, $"The package manifest '{path}' is not valid XML: {exception.Message}", path, exception.LineNumber, exception.LinePosition, exception);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new SpdfException(DiagnosticIds.InvalidNuspec, $"The package manifest '{path}' cannot be read: {exception.Message}", path, innerException: exception);
        }

        // nuspec files use several schema namespaces over the years: match on local names.
        var metadata = document.Root?.Elements().FirstOrDefault(e => e.Name.LocalName == "metadata");
        var id = Value(metadata, "id");
        var version = Value(metadata, "version");
        if (metadata is null || id is null || version is null)
            throw new SpdfException(DiagnosticIds.InvalidNuspec, $"The package manifest '{path}' has no <metadata> with <id> and <version>.", path, 1);

        var license = metadata.Elements().FirstOrDefault(e => e.Name.LocalName == "license");
        var licenseType = (string?)license?.Attribute("type");
        var repository = metadata.Elements().FirstOrDefault(e => e.Name.LocalName == "repository");
        return new NuspecMetadata(
            id,
            version,
            Value(metadata, "authors"),
            Value(metadata, "owners"),
            Value(metadata, "description"),
            Value(metadata, "projectUrl"),
            string.Equals(licenseType, "expression", StringComparison.OrdinalIgnoreCase) ? NonEmpty(license!.Value) : null,
            string.Equals(licenseType, "file", StringComparison.OrdinalIgnoreCase) ? NonEmpty(license!.Value) : null,
            Value(metadata, "licenseUrl"),
            Value(metadata, "copyright"),
            NonEmpty((string?)repository?.Attribute("url")),
            NonEmpty((string?)repository?.Attribute("commit")),
            string.Equals(Value(metadata, "developmentDependency"), "true", StringComparison.OrdinalIgnoreCase));
    }

    private static string? Value(XElement? parent, string localName)
        => NonEmpty(parent?.Elements().FirstOrDefault(e => e.Name.LocalName == localName)?.Value);

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
