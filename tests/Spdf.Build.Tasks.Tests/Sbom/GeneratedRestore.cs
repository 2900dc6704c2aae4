using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Spdf.Build.Tasks.Tests.Sbom;

/// <summary>
/// Writes what NuGet restore leaves behind for a project (project.assets.json and a packages folder with
/// .nuspec, .nupkg.sha512 and .nupkg.metadata per package), so SBOM tests and benchmarks control every input.
/// </summary>
public sealed class GeneratedRestore : IDisposable
{
    private readonly List<Package> _packages = new();
    private readonly List<Direct> _direct = new();
    private readonly List<(string Name, string Version, string OutputPath)> _projects = new();

    public GeneratedRestore(string targetFramework = "net10.0")
    {
        Root = Directory.CreateTempSubdirectory("spdf-sbom-").FullName;
        TargetFramework = targetFramework;
        PackagesFolder = Path.Combine(Root, "packages") + Path.DirectorySeparatorChar;
        ProjectDirectory = Path.Combine(Root, "src", "App");
        Directory.CreateDirectory(ProjectDirectory);
        AssetsPath = Path.Combine(ProjectDirectory, "obj", "project.assets.json");
        MainArtefact = Path.Combine(ProjectDirectory, "bin", "App.dll");
        Directory.CreateDirectory(Path.GetDirectoryName(MainArtefact)!);
        File.WriteAllBytes(MainArtefact, Encoding.UTF8.GetBytes("not really an assembly"));
    }

    public string Root { get; }

    public string TargetFramework { get; }

    public string PackagesFolder { get; }

    public string ProjectDirectory { get; }

    public string AssetsPath { get; }

    public string MainArtefact { get; }

    public GeneratedRestore AddPackage(
        string name,
        string version,
        IEnumerable<string>? dependencies = null,
        IEnumerable<string>? runtime = null,
        bool developmentDependency = false,
        string authors = "Fabrikam",
        string? licenseExpression = "MIT",
        bool buildOnly = false)
    {
        _packages.Add(new Package(name, version, dependencies?.ToArray() ?? Array.Empty<string>(),
            buildOnly ? Array.Empty<string>() : runtime?.ToArray() ?? new[] { $"lib/{TargetFramework}/{name}.dll" },
            developmentDependency, authors, licenseExpression, buildOnly));
        return this;
    }

    /// <summary>A project reference (restore lists it as a library of type project) and its built assembly.</summary>
    public GeneratedRestore AddProjectReference(string name, string version)
    {
        var output = Path.Combine(Root, "src", name, "bin", name + ".dll");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        File.WriteAllText(output, "assembly " + name);
        _projects.Add((name, version, output));
        return this;
    }

    public IReadOnlyList<Core.Sbom.ProjectReferenceOutput> ProjectReferenceOutputs
        => _projects.Select(p => new Core.Sbom.ProjectReferenceOutput(Path.Combine(Root, "src", p.Name, p.Name + ".csproj"), p.OutputPath)).ToArray();

    public GeneratedRestore AddDirect(string name, bool privateAssetsAll = false, bool excludeRuntime = false)
    {
        _direct.Add(new Direct(name, privateAssetsAll, excludeRuntime));
        return this;
    }

    /// <summary>Writes the assets file and the packages folder.</summary>
    public GeneratedRestore Write()
    {
        var target = new JsonObject();
        var libraries = new JsonObject();
        foreach (var package in _packages)
        {
            var entry = new JsonObject { ["type"] = "package" };
            if (package.Dependencies.Length > 0)
                entry["dependencies"] = new JsonObject(package.Dependencies.Select(d => new KeyValuePair<string, JsonNode?>(d, Version(d))));
            if (package.Runtime.Length > 0)
            {
                entry["compile"] = new JsonObject(package.Runtime.Select(r => new KeyValuePair<string, JsonNode?>(r, new JsonObject())));
                entry["runtime"] = new JsonObject(package.Runtime.Select(r => new KeyValuePair<string, JsonNode?>(r, new JsonObject())));
            }

            if (package.BuildOnly)
                entry["build"] = new JsonObject { [$"build/{package.Name}.targets"] = new JsonObject() };
            target[package.Name + "/" + package.Version] = entry;

            var folder = package.Name.ToLowerInvariant() + "/" + package.Version.ToLowerInvariant();
            libraries[package.Name + "/" + package.Version] = new JsonObject
            {
                ["sha512"] = Convert.ToBase64String(SHA512.HashData(Encoding.UTF8.GetBytes("content " + package.Name))),
                ["type"] = "package",
                ["path"] = folder,
                ["files"] = new JsonArray(),
            };
            WritePackageFolder(package, Path.Combine(PackagesFolder, folder));
        }

        var projectReferences = new JsonObject();
        foreach (var (name, version, _) in _projects)
        {
            target[name + "/" + version] = new JsonObject
            {
                ["type"] = "project",
                ["framework"] = ".NETCoreApp,Version=v10.0",
                ["compile"] = new JsonObject { [$"bin/placeholder/{name}.dll"] = new JsonObject() },
                ["runtime"] = new JsonObject { [$"bin/placeholder/{name}.dll"] = new JsonObject() },
            };
            libraries[name + "/" + version] = new JsonObject { ["type"] = "project", ["path"] = $"../{name}/{name}.csproj", ["msbuildProject"] = $"../{name}/{name}.csproj" };
            projectReferences[Path.Combine(Root, "src", name, name + ".csproj")] = new JsonObject { ["projectPath"] = Path.Combine(Root, "src", name, name + ".csproj") };
        }

        var dependencies = new JsonObject();
        foreach (var direct in _direct)
        {
            var dependency = new JsonObject { ["target"] = "Package", ["version"] = "[" + Version(direct.Name) + ", )" };
            if (direct.PrivateAssetsAll)
                dependency["suppressParent"] = "All";
            if (direct.ExcludeRuntime)
                dependency["exclude"] = "Runtime, Native";
            dependencies[direct.Name] = dependency;
        }

        var assets = new JsonObject
        {
            ["version"] = 3,
            ["targets"] = new JsonObject { [TargetFramework] = target },
            ["libraries"] = libraries,
            ["projectFileDependencyGroups"] = new JsonObject { [TargetFramework] = new JsonArray(_direct.Select(d => (JsonNode)(d.Name + " >= " + Version(d.Name))).Concat(_projects.Select(p => (JsonNode)(p.Name + " >= " + p.Version))).ToArray()) },
            ["packageFolders"] = new JsonObject { [PackagesFolder] = new JsonObject() },
            ["project"] = new JsonObject
            {
                ["version"] = "1.0.0",
                ["restore"] = new JsonObject { ["projectName"] = "App", ["frameworks"] = new JsonObject { [TargetFramework] = new JsonObject { ["targetAlias"] = TargetFramework, ["projectReferences"] = projectReferences } } },
                ["frameworks"] = new JsonObject
                {
                    [TargetFramework] = new JsonObject
                    {
                        ["framework"] = TargetFramework,
                        ["targetAlias"] = TargetFramework,
                        ["dependencies"] = dependencies,
                        ["frameworkReferences"] = new JsonObject { ["Microsoft.NETCore.App"] = new JsonObject { ["privateAssets"] = "all" } },
                    },
                },
            },
        };

        Directory.CreateDirectory(Path.GetDirectoryName(AssetsPath)!);
        File.WriteAllText(AssetsPath, assets.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        return this;
    }

    public string PackageFolder(string name, string version) => Path.Combine(PackagesFolder, name.ToLowerInvariant(), version.ToLowerInvariant());

    public string Version(string name) => _packages.First(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Version;

    public Core.Sbom.SbomRequest Request(Action<RequestOptions>? configure = null)
    {
        var options = new RequestOptions();
        configure?.Invoke(options);
        return new Core.Sbom.SbomRequest
        {
            AssetsFilePath = AssetsPath,
            TargetFramework = TargetFramework,
            Name = "Contoso.App",
            Version = "1.2.3",
            IsApplication = true,
            Description = "Test application",
            LicenseExpression = "LicenseRef-Contoso-Proprietary",
            Manufacturer = "Contoso Medical Devices",
            Authors = new[] { "Contoso Medical Devices" },
            RepositoryUrl = "https://git.example.com/contoso/app.git",
            Commit = "0123456789abcdef0123456789abcdef01234567",
            MainArtefactPath = MainArtefact,
            ProjectReferenceOutputs = ProjectReferenceOutputs,
            Frameworks = new[] { new Core.Sbom.FrameworkReference("Microsoft.NETCore.App", "10.0.12", "Microsoft.NETCore.App.Runtime.linux-x64", SelfContained: false) },
            IncludeDevelopmentDependencies = options.IncludeDevelopmentDependencies,
            SupportCatalogPath = options.SupportCatalog,
            DotNetLifecycleDataPath = options.LifecycleData,
            VulnerabilityDatabasePath = options.VulnerabilityDatabase,
            AssessmentsPath = options.Assessments,
            VulnerabilityPolicyIsError = options.VulnerabilityPolicyIsError,
            SupportPolicyIsError = options.SupportPolicyIsError,
            Timestamp = options.Timestamp,
            SpecVersion = options.SpecVersion,
            ToolVersion = "0.1.0",
        };
    }

    public string WriteFile(string relativePath, string content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans the temp folder.
        }
    }

    private static void WritePackageFolder(Package package, string folder)
    {
        Directory.CreateDirectory(folder);
        var license = package.LicenseExpression is null ? "" : $"\n    <license type=\"expression\">{package.LicenseExpression}</license>";
        var development = package.DevelopmentDependency ? "\n    <developmentDependency>true</developmentDependency>" : "";
        File.WriteAllText(Path.Combine(folder, package.Name.ToLowerInvariant() + ".nuspec"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
              <metadata>
                <id>{package.Name}</id>
                <version>{package.Version}</version>
                <authors>{package.Authors}</authors>{license}{development}
                <projectUrl>https://example.com/{package.Name}</projectUrl>
                <description>The {package.Name} package.</description>
                <repository type="git" url="https://example.com/{package.Name}.git" commit="abcdef0123456789abcdef0123456789abcdef01" />
              </metadata>
            </package>
            """);
        var nupkgHash = SHA512.HashData(Encoding.UTF8.GetBytes("nupkg " + package.Name + " " + package.Version));
        File.WriteAllText(Path.Combine(folder, $"{package.Name.ToLowerInvariant()}.{package.Version.ToLowerInvariant()}.nupkg.sha512"), Convert.ToBase64String(nupkgHash));
        File.WriteAllText(Path.Combine(folder, ".nupkg.metadata"), "{\"version\": 2, \"contentHash\": \"x\", \"source\": \"https://api.nuget.org/v3/index.json\"}");
    }

    public static string ExpectedSha512Hex(string name, string version)
        => Convert.ToHexString(SHA512.HashData(Encoding.UTF8.GetBytes("nupkg " + name + " " + version))).ToLowerInvariant();

    public sealed class RequestOptions
    {
        public bool IncludeDevelopmentDependencies { get; set; }
        public string? SupportCatalog { get; set; }
        public string? LifecycleData { get; set; }
        public string? VulnerabilityDatabase { get; set; }
        public string? Assessments { get; set; }
        public bool VulnerabilityPolicyIsError { get; set; } = true;
        public bool SupportPolicyIsError { get; set; }
        public DateTimeOffset Timestamp { get; set; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        public string SpecVersion { get; set; } = "1.6";
    }

    private sealed record Package(string Name, string Version, string[] Dependencies, string[] Runtime, bool DevelopmentDependency, string Authors, string? LicenseExpression, bool BuildOnly);

    private sealed record Direct(string Name, bool PrivateAssetsAll, bool ExcludeRuntime);
}
