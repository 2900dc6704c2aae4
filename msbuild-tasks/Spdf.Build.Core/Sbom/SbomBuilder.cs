using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using NuGet.Versioning;

namespace Spdf.Build.Core.Sbom;

/// <summary>Builds the SBOM model of one project and target from what restore and the build already produced.</summary>
public sealed class SbomBuilder
{
    private readonly SbomRequest _request;
    private readonly List<SbomFinding> _findings = new();
    private readonly DateOnly _buildDate;

    private SbomBuilder(SbomRequest request)
    {
        _request = request;
        _buildDate = DateOnly.FromDateTime(request.Timestamp.UtcDateTime);
    }

    public static (SbomDocument Document, IReadOnlyList<SbomFinding> Findings) Build(SbomRequest request)
    {
        var builder = new SbomBuilder(request);
        var document = builder.Build();
        return (document, builder._findings);
    }

    private SbomDocument Build()
    {
        // Read every configured input first: a bad file fails the build before any output is written.
        var assets = AssetsFile.Read(_request.AssetsFilePath, _request.TargetFramework, _request.RuntimeIdentifier);
        var catalog = _request.SupportCatalogPath is { Length: > 0 } catalogPath ? SupportCatalog.Read(RequireFile(catalogPath, "SpdfSupportCatalog")) : null;
        var lifecycle = _request.DotNetLifecycleDataPath is { Length: > 0 } lifecyclePath ? DotNetLifecycle.Read(RequireFile(lifecyclePath, "SpdfDotNetLifecycleData")) : DotNetLifecycle.BuiltIn;
        var assessments = _request.AssessmentsPath is { Length: > 0 } vexPath ? VulnerabilityAssessments.Read(RequireFile(vexPath, "SpdfVulnerabilityAssessments")) : VulnerabilityAssessments.Empty;
        var database = _request.VulnerabilityDatabasePath is { Length: > 0 } databasePath ? OsvDatabase.Load(databasePath, name => assets.Libraries.ContainsKey(name) || IsRuntimePackOfFramework(name)) : null;

        // The packages folder: a manifest, a hash and a metadata file per package; the result is keyed by name.
        var packages = ReadPackageFolder(assets);
        var shipping = DevelopmentDependencyFilter.RuntimeClosure(assets, l => !l.IsProject && packages[l.Name].Nuspec.DevelopmentDependency);

        var components = new List<SbomComponent>();
        var byName = new Dictionary<string, SbomComponent>(StringComparer.OrdinalIgnoreCase);
        foreach (var library in assets.Libraries.Values.OrderBy(l => l.Name, StringComparer.OrdinalIgnoreCase))
        {
            var isShipping = shipping.Contains(library.Name);
            if (!isShipping && !_request.IncludeDevelopmentDependencies)
                continue;
            var component = library.IsProject ? ProjectComponent(library, isShipping) : PackageComponent(library, packages[library.Name], isShipping);
            components.Add(component);
            byName[library.Name] = component;
        }

        var frameworks = _request.Frameworks.Select(FrameworkComponent).ToList();
        components.AddRange(frameworks);
        components.Sort((a, b) => string.CompareOrdinal(a.BomRef, b.BomRef));

        var application = ApplicationComponent();
        foreach (var library in assets.Libraries.Values)
        {
            if (!byName.TryGetValue(library.Name, out var component))
                continue;
            component.DependsOn.AddRange(library.DependencyNames.Where(byName.ContainsKey).Select(n => byName[n].BomRef).Distinct().OrderBy(r => r, StringComparer.Ordinal));
        }

        application.DependsOn.AddRange(assets.DirectDependencies
            .Where(d => byName.ContainsKey(d.Name))
            .Select(d => byName[d.Name].BomRef)
            .Concat(frameworks.Select(f => f.BomRef))
            .Distinct()
            .OrderBy(r => r, StringComparer.Ordinal));

        foreach (var component in components.Prepend(application))
            component.Support = SupportOf(component, catalog, lifecycle);

        var vulnerabilities = database is null ? new List<SbomVulnerability>() : MatchVulnerabilities(database, components, assessments);
        // The app's own support is the manufacturer's statement: checked once a catalogue is kept, like every component.
        ReportSupportFindings(catalog is null ? components : components.Prepend(application));

        return new SbomDocument
        {
            SpecVersion = _request.SpecVersion,
            Timestamp = _request.Timestamp,
            ToolVersion = _request.ToolVersion,
            Manufacturer = _request.Manufacturer,
            Authors = _request.Authors,
            Application = application,
            Components = components,
            Vulnerabilities = vulnerabilities,
            Properties = new[]
            {
                new KeyValuePair<string, string>("spdf:sbom:target", assets.TargetKey),
                new KeyValuePair<string, string>("spdf:sbom:development-dependencies", _request.IncludeDevelopmentDependencies ? "included with scope excluded" : "left out"),
                new KeyValuePair<string, string>("spdf:lifecycle:data", lifecycle.DataDescription),
                new KeyValuePair<string, string>("spdf:vulnerability:source", VulnerabilitySource(database)),
            },
            VulnerabilitySourceDescription = VulnerabilitySource(database),
        };
    }

    private const int ParallelReadThreshold = 128;

    private static Dictionary<string, PackageFolderEntry> ReadPackageFolder(AssetsFile assets)
    {
        var packages = new List<AssetsLibrary>(assets.Libraries.Count);
        foreach (var library in assets.Libraries.Values)
        {
            if (!library.IsProject)
                packages.Add(library);
        }

        var entries = new PackageFolderEntry?[packages.Count];
        var errors = new SpdfException?[packages.Count];
        void Read(int i)
        {
            try
            {
                entries[i] = PackageFolderEntry.Locate(assets, packages[i]);
            }
            catch (SpdfException exception)
            {
                errors[i] = exception;
            }
        }

        // Many small files: two threads halve a warm read of hundreds of packages, but on a first run both wait on
        // the same JIT work and for a few dozen packages starting pool threads costs more than it saves.
        if (packages.Count >= ParallelReadThreshold && Environment.ProcessorCount > 1)
        {
            System.Threading.Tasks.Parallel.For(0, packages.Count, Read);
        }
        else
        {
            for (var i = 0; i < packages.Count; i++)
                Read(i);
        }

        // Report the same package on every run: the first failing one by name, not whichever thread failed first.
        SpdfException? first = null;
        string? firstName = null;
        var result = new Dictionary<string, PackageFolderEntry>(packages.Count, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < packages.Count; i++)
        {
            if (errors[i] is { } error)
            {
                if (firstName is null || StringComparer.OrdinalIgnoreCase.Compare(packages[i].Name, firstName) < 0)
                    (first, firstName) = (error, packages[i].Name);
            }
            else
            {
                result[packages[i].Name] = entries[i]!;
            }
        }

        if (first is not null)
            throw first;
        return result;
    }

    private static string VulnerabilitySource(OsvDatabase? database)
        => database is null
            ? "not checked: no vulnerability database configured (SpdfVulnerabilityDatabase)"
            : $"{database.Count} OSV advisories in {Path.GetFileName(Path.TrimEndingDirectorySeparator(database.Location))}";

    private static string RequireFile(string path, string property)
    {
        if (!File.Exists(path))
            throw new SpdfException(DiagnosticIds.SbomInputNotFound, $"{property} is '{path}', which does not exist.", path);
        return path;
    }

    private SbomComponent ApplicationComponent()
    {
        var purl = Purl(_request.Name, _request.Version);
        var references = new List<SbomExternalReference>();
        if (!string.IsNullOrWhiteSpace(_request.RepositoryUrl))
            references.Add(new SbomExternalReference("vcs", _request.RepositoryUrl!, string.IsNullOrWhiteSpace(_request.Commit) ? null : "commit " + _request.Commit));
        return new SbomComponent
        {
            BomRef = purl,
            Type = _request.IsApplication ? "application" : "library",
            Name = _request.Name,
            Version = _request.Version,
            Purl = purl,
            Supplier = _request.Manufacturer,
            Authors = _request.Authors,
            Description = _request.Description,
            Hashes = new[] { new SbomHash("SHA-256", HashFile(_request.MainArtefactPath)) },
            License = string.IsNullOrWhiteSpace(_request.LicenseExpression) ? null : new SbomLicense(_request.LicenseExpression, null, null),
            ExternalReferences = references,
            Assets = new[] { Path.GetFileName(_request.MainArtefactPath) },
            Properties = string.IsNullOrWhiteSpace(_request.Commit) ? Array.Empty<KeyValuePair<string, string>>() : new[] { new KeyValuePair<string, string>("spdf:vcs:commit", _request.Commit!) },
        };
    }

    private SbomComponent PackageComponent(AssetsLibrary library, PackageFolderEntry entry, bool isShipping)
    {
        var nuspec = entry.Nuspec;
        var purl = Purl(library.Name, library.Version);
        var references = new List<SbomExternalReference>();
        if (nuspec.ProjectUrl is { } website && Uri.IsWellFormedUriString(website, UriKind.Absolute))
            references.Add(new SbomExternalReference("website", website, null));
        if (nuspec.RepositoryUrl is { } repository && Uri.IsWellFormedUriString(repository, UriKind.Absolute))
            references.Add(new SbomExternalReference("vcs", repository, nuspec.RepositoryCommit is null ? null : "commit " + nuspec.RepositoryCommit));
        if (entry.Source is { } source && Uri.IsWellFormedUriString(source, UriKind.Absolute))
            references.Add(new SbomExternalReference("distribution", source, "NuGet feed the package was restored from"));

        var properties = new List<KeyValuePair<string, string>>();
        if (nuspec.RepositoryCommit is not null)
            properties.Add(new("spdf:vcs:commit", nuspec.RepositoryCommit));
        return new SbomComponent
        {
            BomRef = purl,
            Type = "library",
            Name = library.Name,
            Version = library.Version,
            Purl = purl,
            Supplier = nuspec.Owners ?? nuspec.Authors,
            Authors = SplitAuthors(nuspec.Authors),
            Description = nuspec.Description,
            Scope = isShipping ? null : "excluded",
            Hashes = new[] { new SbomHash("SHA-512", entry.Sha512Hex) },
            License = LicenseOf(nuspec),
            Copyright = nuspec.Copyright,
            ExternalReferences = references,
            Assets = isShipping
                ? (library.OutputAssets.Count > 0 ? library.OutputAssets : new[] { "no files of its own in the output (dependency-only package)" })
                : new[] { "not in the output (development-only)" },
            Properties = properties,
        };
    }

    private SbomComponent ProjectComponent(AssetsLibrary library, bool isShipping)
    {
        var projectFile = Path.GetFileName(library.Path ?? library.Name);
        var output = _request.ProjectReferenceOutputs.FirstOrDefault(o => string.Equals(Path.GetFileName(o.ProjectPath), projectFile, StringComparison.OrdinalIgnoreCase));
        var purl = Purl(library.Name, library.Version);
        return new SbomComponent
        {
            BomRef = purl,
            Type = "library",
            Name = library.Name,
            Version = library.Version,
            Purl = purl,
            Supplier = _request.Manufacturer,
            Authors = _request.Authors,
            Scope = isShipping ? null : "excluded",
            Hashes = output is not null && File.Exists(output.OutputPath) ? new[] { new SbomHash("SHA-256", HashFile(output.OutputPath)) } : Array.Empty<SbomHash>(),
            Assets = output is not null ? new[] { Path.GetFileName(output.OutputPath) } : library.OutputAssets,
            Properties = new[] { new KeyValuePair<string, string>("spdf:project-reference", library.Path ?? library.Name) },
        };
    }

    private SbomComponent FrameworkComponent(FrameworkReference framework)
    {
        var purl = framework.SelfContained && framework.RuntimePackName is not null
            ? Purl(framework.RuntimePackName, framework.Version)
            : "pkg:generic/microsoft/" + Uri.EscapeDataString(framework.Name) + "@" + Uri.EscapeDataString(framework.Version);
        return new SbomComponent
        {
            BomRef = purl,
            Type = "framework",
            Name = framework.Name,
            Version = framework.Version,
            Purl = purl,
            Supplier = "Microsoft Corporation",
            Authors = new[] { "Microsoft" },
            Description = ".NET shared framework " + framework.Name,
            License = new SbomLicense("MIT", null, null),
            ExternalReferences = new[] { new SbomExternalReference("website", "https://dotnet.microsoft.com/", null), new SbomExternalReference("vcs", "https://github.com/dotnet/runtime", null) },
            Assets = new[]
            {
                framework.SelfContained
                    ? "runtime pack " + (framework.RuntimePackName ?? framework.Name) + " copied into the output (self-contained)"
                    : "shared framework installed on the device (framework-dependent; rolls forward to the newest installed " + framework.Version.Split('.')[0] + ".0 patch)",
            },
            Properties = new[] { new KeyValuePair<string, string>("spdf:dotnet:deployment", framework.SelfContained ? "self-contained" : "framework-dependent") },
        };
    }

    private SupportInfo SupportOf(SbomComponent component, SupportCatalog? catalog, DotNetLifecycle lifecycle)
    {
        if (component.Purl is not null && catalog?.Find(component.Purl) is { } fromCatalog)
        {
            if (fromCatalog.Supplier is not null)
                component.Supplier = fromCatalog.Supplier;
            return fromCatalog;
        }

        var isRuntime = component.Type == "framework";
        if ((isRuntime || DotNetLifecycle.IsPlatformPackage(component.Name, string.Join(", ", component.Authors)))
            && lifecycle.SupportOf(component.Version, isRuntime, _buildDate) is { } fromLifecycle)
        {
            return fromLifecycle;
        }

        return SupportInfo.Unknown(catalog is null ? "no support catalogue configured (SpdfSupportCatalog)" : "not in the support catalogue " + Path.GetFileName(catalog.FilePath));
    }

    private void ReportSupportFindings(IEnumerable<SbomComponent> components)
    {
        var severity = _request.SupportPolicyIsError ? SbomFindingSeverity.Error : SbomFindingSeverity.Warning;
        foreach (var component in components)
        {
            if (component.Scope == "excluded")
                continue;
            var support = component.Support;
            if (support.EndOfSupport is { } end && end <= _buildDate)
            {
                _findings.Add(new SbomFinding(severity, DiagnosticIds.ComponentPastEndOfSupport,
                    $"{component.Name} {component.Version} reached its end of support on {end:yyyy-MM-dd} ({support.Source}). Update it, or record the risk acceptance in the support catalogue's justification.",
                    _request.SupportCatalogPath));
            }
            else if (support.LacksJustification)
            {
                _findings.Add(new SbomFinding(severity, DiagnosticIds.ComponentSupportUnknown,
                    $"{component.Name} {component.Version} has {(support.Level == SupportLevel.Unknown ? "an unknown level of support" : "no end-of-support date")} ({support.Source}). Add an entry for {component.Purl} to the support catalogue (SpdfSupportCatalog) with the level, end-of-support date or a justification.",
                    _request.SupportCatalogPath));
            }
        }
    }

    private List<SbomVulnerability> MatchVulnerabilities(OsvDatabase database, List<SbomComponent> components, VulnerabilityAssessments assessments)
    {
        foreach (var (file, problem) in database.Skipped)
            _findings.Add(new SbomFinding(SbomFindingSeverity.Warning, DiagnosticIds.InvalidAdvisorySkipped, $"The advisory file '{file}' was skipped: {problem}.", file));

        var found = new List<SbomVulnerability>();
        foreach (var component in components)
        {
            if (!NuGetVersion.TryParse(component.Version, out var version))
                continue;
            foreach (var advisory in database.Advisories)
            {
                if (!Affects(advisory, component, version))
                    continue;
                if (advisory.IsWithdrawn)
                {
                    _findings.Add(new SbomFinding(SbomFindingSeverity.Message, "", $"{advisory.Id} names {component.Name} {component.Version} but was withdrawn on {advisory.Withdrawn}; it is not reported.", advisory.SourceFile));
                    continue;
                }

                found.Add(new SbomVulnerability(advisory, component, assessments.Find(advisory, component.BomRef)));
            }
        }

        found.Sort((a, b) => string.CompareOrdinal(a.Advisory.Id + "\n" + a.Component.BomRef, b.Advisory.Id + "\n" + b.Component.BomRef));
        var severity = _request.VulnerabilityPolicyIsError ? SbomFindingSeverity.Error : SbomFindingSeverity.Warning;
        foreach (var vulnerability in found)
        {
            if (vulnerability.Component.Scope == "excluded" || vulnerability.Assessment is { IsConclusive: true })
                continue;
            var what = vulnerability.Assessment is null ? "has no assessment" : "is still in triage";
            _findings.Add(new SbomFinding(severity, DiagnosticIds.UnassessedVulnerability,
                $"{vulnerability.Component.Name} {vulnerability.Component.Version} is affected by {vulnerability.Advisory.Id}{Aliases(vulnerability.Advisory)}: {vulnerability.Advisory.Summary}. The vulnerability {what}: update the package, or record the analysis for ref \"{vulnerability.Component.BomRef}\" in the VEX file (SpdfVulnerabilityAssessments).",
                string.IsNullOrEmpty(assessments.FilePath) ? vulnerability.Advisory.SourceFile : assessments.FilePath));
        }

        foreach (var assessment in assessments.Items)
        {
            var applies = found.Any(v => ReferenceEquals(v.Assessment, assessment));
            if (!applies)
            {
                _findings.Add(new SbomFinding(SbomFindingSeverity.Warning, DiagnosticIds.StaleVulnerabilityAssessment,
                    $"The assessment of {assessment.VulnerabilityId} for \"{assessment.ComponentRef}\" no longer applies: that component is not in the SBOM or the advisory does not affect its version. Remove or update it.",
                    assessments.FilePath, assessment.Line));
            }
        }

        return found;
    }

    private static bool Affects(OsvAdvisory advisory, SbomComponent component, NuGetVersion version)
    {
        if (component.Type != "framework")
            return advisory.Affects(component.Name, version);
        // The shared framework is the runtime pack's content: advisories name Microsoft.NETCore.App.Runtime.<rid>.
        return advisory.Affected.Any(a => IsRuntimePackOf(a.PackageName, component.Name) && a.Affects(version));
    }

    private static bool IsRuntimePackOf(string packageName, string frameworkName)
        => packageName.StartsWith(frameworkName + ".Runtime.", StringComparison.OrdinalIgnoreCase);

    /// <summary>Advisories for the shared framework name its runtime packs (see <see cref="Affects"/>).</summary>
    private bool IsRuntimePackOfFramework(string packageName)
    {
        foreach (var framework in _request.Frameworks)
        {
            if (IsRuntimePackOf(packageName, framework.Name))
                return true;
        }

        return false;
    }

    private static string Aliases(OsvAdvisory advisory) => advisory.Aliases.Count == 0 ? "" : " (" + string.Join(", ", advisory.Aliases) + ")";

    private static SbomLicense? LicenseOf(NuspecMetadata nuspec)
    {
        if (nuspec.LicenseExpression is { } expression)
            return new SbomLicense(expression, null, null);
        if (nuspec.LicenseFile is { } file)
            return new SbomLicense(null, "See " + file + " in the package", nuspec.LicenseUrl);
        if (nuspec.LicenseUrl is { } url)
            return new SbomLicense(null, "See licence URL", url);
        return null;
    }

    private static IReadOnlyList<string> SplitAuthors(string? authors)
        => authors is null ? Array.Empty<string>() : authors.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>purl for NuGet: the name keeps its case (NuGet ids are case-preserving), per the purl spec's nuget type.</summary>
    public static string Purl(string name, string version) => "pkg:nuget/" + Uri.EscapeDataString(name) + "@" + Uri.EscapeDataString(version);

    private static string HashFile(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return Convert.ToHexString(SHA256.HashData(stream)).ToLowerInvariant();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new SpdfException(DiagnosticIds.SbomInputNotFound, $"The build output '{path}' cannot be read for its hash: {exception.Message}", path, innerException: exception);
        }
    }
}
