using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Spdf.Build.Tasks.Tests.Sbom;

/// <summary>
/// Validates SBOMs against the official CycloneDX JSON schemas in ../shared/data/cyclonedx-schema, with format
/// assertions on (dates, IRIs, e-mail addresses are checked, not just annotated).
/// </summary>
public static class CycloneDxSchema
{
    private static readonly Lazy<(JsonSchema Schema, EvaluationOptions Options)> Bom16 = new(() => Load("1.6"));
    private static readonly Lazy<(JsonSchema Schema, EvaluationOptions Options)> Bom17 = new(() => Load("1.7"));

    public static string SchemaFolder => Path.Combine(SharedData.Root, "cyclonedx-schema");

    /// <summary>Fails the test with every schema error when <paramref name="sbomJson"/> is not a valid CycloneDX document of its specVersion.</summary>
    public static void AssertValid(string sbomJson)
    {
        var node = JsonNode.Parse(sbomJson);
        var specVersion = node!["specVersion"]!.GetValue<string>();
        var (schema, options) = specVersion switch
        {
            "1.6" => Bom16.Value,
            "1.7" => Bom17.Value,
            _ => throw new Xunit.Sdk.XunitException("No schema for specVersion " + specVersion),
        };
        var result = schema.Evaluate(node, options);
        if (!result.IsValid)
        {
            var errors = result.Details.Where(d => d.HasErrors)
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}"))
                .Take(20);
            throw new Xunit.Sdk.XunitException($"The SBOM is not valid CycloneDX {specVersion}:\n" + string.Join("\n", errors));
        }
    }

    private static (JsonSchema, EvaluationOptions) Load(string version)
    {
        var options = new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true };
        foreach (var dependency in new[] { "spdx", "jsf-0.82", "cryptography-defs" })
        {
            var path = Path.Combine(SchemaFolder, dependency + ".SNAPSHOT.schema.json");
            if (!File.Exists(path))
                continue;
            var dependencySchema = JsonSchema.FromFile(path);
            // The bom schema refers to the local SNAPSHOT file names, resolved against its own $id.
            options.SchemaRegistry.Register(new Uri("http://cyclonedx.org/schema/" + dependency + ".SNAPSHOT.schema.json"), dependencySchema);
        }

        return (JsonSchema.FromFile(Path.Combine(SchemaFolder, $"bom-{version}.SNAPSHOT.schema.json")), options);
    }
}

/// <summary>The shared third-party data folder: ../shared/data beside the repository root (Spdf.Build.sln).</summary>
public static class SharedData
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Root => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data"));

    public static string OsvNuGet => Path.Combine(Root, "osv", "nuget");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Spdf.Build.sln")))
                return directory.FullName;
        }

        throw new InvalidOperationException("Spdf.Build.sln not found above " + AppContext.BaseDirectory);
    }
}
