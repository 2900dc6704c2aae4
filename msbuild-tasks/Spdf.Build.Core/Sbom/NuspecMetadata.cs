using System;
using System.IO;
using System.Text;
using System.Xml;

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
    /// <summary>
    /// Reads the manifest with a forward-only <see cref="XmlReader"/>: one pass over the children of
    /// <c>&lt;metadata&gt;</c> (a build reads hundreds of these; no DOM is needed for a dozen values). nuspec files
    /// use several schema namespaces over the years, so elements are matched on local names.
    /// </summary>
    public static NuspecMetadata Read(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 4096, FileOptions.SequentialScan);
            using var reader = XmlReader.Create(stream, Settings);
            return Read(reader, path);
        }
        catch (XmlException exception)
        {
            throw new SpdfException(DiagnosticIds.InvalidNuspec, $"The package manifest '{path}' is not valid XML: {exception.Message}", path, exception.LineNumber, exception.LinePosition, exception);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new SpdfException(DiagnosticIds.InvalidNuspec, $"The package manifest '{path}' cannot be read: {exception.Message}", path, innerException: exception);
        }
    }

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
    };

    private static NuspecMetadata Read(XmlReader reader, string path)
    {
        string? id = null, version = null, authors = null, owners = null, description = null, projectUrl = null;
        string? licenseType = null, license = null, licenseUrl = null, copyright = null, repositoryUrl = null, repositoryCommit = null, developmentDependency = null;
        var sawMetadata = false;
        reader.MoveToContent();
        if (reader.NodeType == XmlNodeType.Element && !reader.IsEmptyElement)
        {
            var packageDepth = reader.Depth;
            reader.Read();
            // The children of the root: the first <metadata> is read, everything else skipped.
            while (reader.Depth > packageDepth)
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    reader.Read();
                    continue;
                }

                if (sawMetadata || reader.LocalName != "metadata" || reader.IsEmptyElement)
                {
                    sawMetadata |= reader.LocalName == "metadata";
                    reader.Skip();
                    continue;
                }

                sawMetadata = true;
                var metadataDepth = reader.Depth;
                reader.Read();
                while (reader.Depth > metadataDepth)
                {
                    if (reader.NodeType != XmlNodeType.Element)
                    {
                        reader.Read();
                        continue;
                    }

                    // The first occurrence of each element counts, as it did with the DOM reader.
                    switch (reader.LocalName)
                    {
                        case "id": id = First(id, reader); break;
                        case "version": version = First(version, reader); break;
                        case "authors": authors = First(authors, reader); break;
                        case "owners": owners = First(owners, reader); break;
                        case "description": description = First(description, reader); break;
                        case "projectUrl": projectUrl = First(projectUrl, reader); break;
                        case "licenseUrl": licenseUrl = First(licenseUrl, reader); break;
                        case "copyright": copyright = First(copyright, reader); break;
                        case "developmentDependency": developmentDependency = First(developmentDependency, reader); break;
                        case "license" when licenseType is null && license is null:
                            licenseType = reader.GetAttribute("type") ?? "";
                            license = Text(reader) ?? "";
                            break;
                        case "repository" when repositoryUrl is null && repositoryCommit is null:
                            repositoryUrl = NonEmpty(reader.GetAttribute("url")) ?? "";
                            repositoryCommit = NonEmpty(reader.GetAttribute("commit")) ?? "";
                            reader.Skip();
                            break;
                        default: reader.Skip(); break;
                    }
                }

                reader.Read();
            }
        }

        if (!sawMetadata || id is null || version is null)
            throw new SpdfException(DiagnosticIds.InvalidNuspec, $"The package manifest '{path}' has no <metadata> with <id> and <version>.", path, 1);

        return new NuspecMetadata(
            id,
            version,
            authors,
            owners,
            description,
            projectUrl,
            string.Equals(licenseType, "expression", StringComparison.OrdinalIgnoreCase) ? NonEmpty(license) : null,
            string.Equals(licenseType, "file", StringComparison.OrdinalIgnoreCase) ? NonEmpty(license) : null,
            licenseUrl,
            copyright,
            NonEmpty(repositoryUrl),
            NonEmpty(repositoryCommit),
            string.Equals(developmentDependency, "true", StringComparison.OrdinalIgnoreCase));
    }

    private static string? First(string? current, XmlReader reader)
    {
        var value = Text(reader);
        return current ?? value;
    }

    /// <summary>The element's whole text content (like XElement.Value), trimmed; null when empty. Leaves the reader after the element.</summary>
    private static string? Text(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return null;
        }

        var depth = reader.Depth;
        reader.Read();
        string? single = null;
        StringBuilder? many = null;
        while (reader.Depth > depth)
        {
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace)
            {
                if (single is null)
                    single = reader.Value;
                else
                    (many ??= new StringBuilder(single)).Append(reader.Value);
            }

            reader.Read();
        }

        reader.Read();
        return NonEmpty(many?.ToString() ?? single);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
