using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Spdf.Build.Core.Sbom;

/// <summary>A package or project as NuGet restore resolved it for one target (framework, or framework/RID).</summary>
public sealed record AssetsLibrary(
    string Name,
    string Version,
    bool IsProject,
    /// <summary>Package: folder relative to a packages folder. Project: project file relative to the restored project.</summary>
    string? Path,
    IReadOnlyList<string> DependencyNames,
    /// <summary>Where the library's files end up in the build output, relative to the output folder.</summary>
    IReadOnlyList<string> OutputAssets);

/// <summary>A dependency the project declares itself (PackageReference / ProjectReference) for one framework.</summary>
public sealed record AssetsDirectDependency(string Name, bool ExcludesRuntime, bool PrivateAssetsAll);

/// <summary>What the SBOM needs from NuGet's <c>project.assets.json</c> for one target.</summary>
public sealed class AssetsFile
{
    private AssetsFile(string path, string targetKey, IReadOnlyDictionary<string, AssetsLibrary> libraries, IReadOnlyList<AssetsDirectDependency> directDependencies, IReadOnlyList<string> packageFolders)
    {
        FilePath = path;
        TargetKey = targetKey;
        Libraries = libraries;
        DirectDependencies = directDependencies;
        PackageFolders = packageFolders;
    }

    public string FilePath { get; }

    /// <summary>The key of the target in the assets file, for example <c>net10.0</c> or <c>net10.0/linux-x64</c>.</summary>
    public string TargetKey { get; }

    /// <summary>By name, case-insensitive (NuGet ids are): a target resolves one version per name.</summary>
    public IReadOnlyDictionary<string, AssetsLibrary> Libraries { get; }

    public IReadOnlyList<AssetsDirectDependency> DirectDependencies { get; }

    public IReadOnlyList<string> PackageFolders { get; }

    /// <summary>Reads the target for <paramref name="targetFramework"/> (the TargetFramework alias) and optional RID.</summary>
    public static AssetsFile Read(string path, string targetFramework, string? runtimeIdentifier)
    {
        if (!File.Exists(path))
        {
            throw new SpdfException(
                DiagnosticIds.AssetsFileMissing,
                $"The NuGet assets file '{path}' does not exist. Restore the project (dotnet restore) before building; the SBOM is generated from what restore resolved.",
                path);
        }

        var bytes = JsonSource.ReadAllBytes(path, DiagnosticIds.AssetsFileInvalid, "NuGet assets file");
        using var document = JsonSource.Parse(bytes, path, DiagnosticIds.AssetsFileInvalid, "NuGet assets file");
        return new Reader(path, bytes).Read(document.RootElement, targetFramework, runtimeIdentifier);
    }

    private sealed class Reader
    {
        private readonly string _path;
        private readonly byte[] _bytes;

        public Reader(string path, byte[] bytes)
        {
            _path = path;
            _bytes = bytes;
        }

        public AssetsFile Read(JsonElement root, string targetFramework, string? runtimeIdentifier)
        {
            if (root.ValueKind != JsonValueKind.Object)
                throw Invalid("the document is not a JSON object", Array.Empty<object>());
            if (!root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number || version.GetInt32() < 3)
                throw Invalid("it has no 'version' of 3 or newer (the format of the .NET SDK's NuGet)", new object[] { "version" });

            var targets = RequireObject(root, "targets");
            var libraries = RequireObject(root, "libraries");
            var project = RequireObject(root, "project");
            var frameworks = RequireObject(project, "frameworks", "project");

            if (!frameworks.TryGetProperty(targetFramework, out var framework) || framework.ValueKind != JsonValueKind.Object)
            {
                var known = string.Join(", ", frameworks.EnumerateObject().Select(p => p.Name));
                throw Invalid($"it has no framework '{targetFramework}' (it has: {known}); restore again after changing TargetFramework(s)", new object[] { "project", "frameworks" });
            }

            var frameworkName = framework.GetString("framework") ?? targetFramework;
            var targetKey = string.IsNullOrEmpty(runtimeIdentifier) ? frameworkName : frameworkName + "/" + runtimeIdentifier;
            var target = FindTarget(targets, targetKey, targetFramework);

            var resolved = new Dictionary<string, AssetsLibrary>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in target.Value.EnumerateObject())
            {
                var separator = entry.Name.IndexOf('/', StringComparison.Ordinal);
                if (separator <= 0 || entry.Value.ValueKind != JsonValueKind.Object)
                    throw Invalid($"target '{target.Key}' has an entry '{entry.Name}' that is not 'Name/Version'", new object[] { "targets", target.Key, entry.Name });
                var name = entry.Name[..separator];
                var libraryVersion = entry.Name[(separator + 1)..];
                var type = entry.Value.GetString("type");
                libraries.TryGetProperty(entry.Name, out var library);
                if (library.ValueKind != JsonValueKind.Object)
                    throw Invalid($"'libraries' has no entry for '{entry.Name}' of target '{target.Key}'", new object[] { "targets", target.Key, entry.Name });

                var isProject = string.Equals(type, "project", StringComparison.OrdinalIgnoreCase);
                var dependencies = entry.Value.TryGetProperty("dependencies", out var dependencyObject) && dependencyObject.ValueKind == JsonValueKind.Object
                    ? dependencyObject.EnumerateObject().Select(d => d.Name).ToArray()
                    : Array.Empty<string>();
                resolved[name] = new AssetsLibrary(
                    name,
                    libraryVersion,
                    isProject,
                    library.GetString(isProject ? "msbuildProject" : "path") ?? library.GetString("path"),
                    dependencies,
                    OutputAssetsOf(entry.Value, isPortable: string.IsNullOrEmpty(runtimeIdentifier)));
            }

            var folders = root.TryGetProperty("packageFolders", out var packageFolders) && packageFolders.ValueKind == JsonValueKind.Object
                ? packageFolders.EnumerateObject().Select(f => f.Name).ToArray()
                : Array.Empty<string>();

            return new AssetsFile(_path, target.Key, resolved, DirectDependenciesOf(root, project, framework, frameworkName, targetFramework, resolved), folders);
        }

        private KeyValuePair<string, JsonElement> FindTarget(JsonElement targets, string targetKey, string targetFramework)
        {
            foreach (var target in targets.EnumerateObject())
            {
                if (string.Equals(target.Name, targetKey, StringComparison.OrdinalIgnoreCase) && target.Value.ValueKind == JsonValueKind.Object)
                    return new(target.Name, target.Value);
            }

            throw Invalid($"it has no target '{targetKey}' for TargetFramework '{targetFramework}'; restore again after changing TargetFramework or RuntimeIdentifier", new object[] { "targets" });
        }

        private static IReadOnlyList<AssetsDirectDependency> DirectDependenciesOf(JsonElement root, JsonElement project, JsonElement framework, string frameworkName, string alias, Dictionary<string, AssetsLibrary> resolved)
        {
            var direct = new Dictionary<string, AssetsDirectDependency>(StringComparer.OrdinalIgnoreCase);
            if (framework.TryGetProperty("dependencies", out var dependencies) && dependencies.ValueKind == JsonValueKind.Object)
            {
                foreach (var dependency in dependencies.EnumerateObject())
                {
                    var include = dependency.Value.GetString("include");
                    var exclude = dependency.Value.GetString("exclude");
                    var suppressParent = dependency.Value.GetString("suppressParent");
                    direct[dependency.Name] = new AssetsDirectDependency(dependency.Name, ExcludesRuntime(include, exclude), HasFlag(suppressParent, "All"));
                }
            }

            // Project references: restore lists them per framework under project.restore.frameworks.
            if (project.TryGetProperty("restore", out var restore) && restore.TryGetProperty("frameworks", out var restoreFrameworks)
                && restoreFrameworks.ValueKind == JsonValueKind.Object && restoreFrameworks.TryGetProperty(alias, out var restoreFramework)
                && restoreFramework.TryGetProperty("projectReferences", out var projectReferences) && projectReferences.ValueKind == JsonValueKind.Object)
            {
                foreach (var reference in projectReferences.EnumerateObject())
                {
                    var library = resolved.Values.FirstOrDefault(l => l.IsProject && l.Path is not null
                        && string.Equals(System.IO.Path.GetFileName(l.Path), System.IO.Path.GetFileName(reference.Name), StringComparison.OrdinalIgnoreCase));
                    if (library is null)
                        continue;
                    direct[library.Name] = new AssetsDirectDependency(
                        library.Name,
                        ExcludesRuntime(reference.Value.GetString("includeAssets"), reference.Value.GetString("excludeAssets")),
                        HasFlag(reference.Value.GetString("privateAssets"), "All"));
                }
            }

            // projectFileDependencyGroups also names project references restore resolved (by library name).
            if (root.TryGetProperty("projectFileDependencyGroups", out var groups) && groups.ValueKind == JsonValueKind.Object
                && groups.TryGetProperty(frameworkName, out var group) && group.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in group.EnumerateArray())
                {
                    var text = item.ValueKind == JsonValueKind.String ? item.GetString() ?? "" : "";
                    var name = text.Split(' ', 2)[0];
                    if (name.Length > 0 && !direct.ContainsKey(name) && resolved.ContainsKey(name))
                        direct[name] = new AssetsDirectDependency(resolved[name].Name, ExcludesRuntime: false, PrivateAssetsAll: false);
                }
            }

            return direct.Values.OrderBy(d => d.Name, StringComparer.OrdinalIgnoreCase).ToArray();
        }

        private static bool ExcludesRuntime(string? include, string? exclude)
        {
            var included = include is null || HasFlag(include, "All") || HasFlag(include, "Runtime") || HasFlag(include, "Native");
            var excluded = HasFlag(exclude, "All") || (HasFlag(exclude, "Runtime") && HasFlag(exclude, "Native"));
            return !included || excluded;
        }

        private static bool HasFlag(string? flags, string flag)
            => flags is not null && flags.Split(',').Any(f => string.Equals(f.Trim(), flag, StringComparison.OrdinalIgnoreCase));

        /// <summary>
        /// Output paths as the SDK lays them out: runtime and native assets at the root, satellite assemblies in a
        /// culture folder, and (portable apps) RID-specific assets under their <c>runtimes/</c> path.
        /// </summary>
        private static IReadOnlyList<string> OutputAssetsOf(JsonElement entry, bool isPortable)
        {
            var assets = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var group in new[] { "runtime", "native" })
            {
                if (entry.TryGetProperty(group, out var files) && files.ValueKind == JsonValueKind.Object)
                {
                    foreach (var file in files.EnumerateObject())
                    {
                        if (!IsPlaceholder(file.Name))
                            assets.Add(System.IO.Path.GetFileName(file.Name));
                    }
                }
            }

            if (entry.TryGetProperty("resource", out var resources) && resources.ValueKind == JsonValueKind.Object)
            {
                foreach (var file in resources.EnumerateObject())
                {
                    var locale = file.Value.GetString("locale");
                    if (!IsPlaceholder(file.Name) && locale is not null)
                        assets.Add(locale + "/" + System.IO.Path.GetFileName(file.Name));
                }
            }

            if (isPortable && entry.TryGetProperty("runtimeTargets", out var runtimeTargets) && runtimeTargets.ValueKind == JsonValueKind.Object)
            {
                foreach (var file in runtimeTargets.EnumerateObject())
                {
                    if (!IsPlaceholder(file.Name))
                        assets.Add(file.Name.Replace('\\', '/'));
                }
            }

            return assets.ToArray();
        }

        private static bool IsPlaceholder(string path) => System.IO.Path.GetFileName(path) == "_._";

        private JsonElement RequireObject(JsonElement parent, string name, params string[] parentPath)
        {
            if (!parent.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Object)
                throw Invalid($"it has no '{string.Join(".", parentPath.Append(name))}' object", parentPath.Cast<object>().ToArray());
            return value;
        }

        private SpdfException Invalid(string reason, object[] jsonPath)
            => new(DiagnosticIds.AssetsFileInvalid, $"The NuGet assets file '{_path}' cannot be used for the SBOM: {reason}.", _path, jsonPath.Length == 0 ? 0 : JsonSource.LineOf(_bytes, jsonPath));
    }
}
