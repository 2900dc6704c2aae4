using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Spdf.Build.Core.Signing;

/// <summary>
/// An in-toto Statement v1 whose predicate is SLSA Provenance v1 (https://slsa.dev/provenance/v1): the subjects
/// are every artefact and evidence file with its SHA-256, the build definition is Spdf.Build's .NET build type.
/// </summary>
public static class SlsaProvenance
{
    public const string StatementType = "https://in-toto.io/Statement/v1";
    public const string PredicateType = "https://slsa.dev/provenance/v1";
    public const string BuildType = "https://spdf.build/buildtypes/dotnet-build/v1";

    public static byte[] CreateStatement(IEnumerable<ManifestEntry> subjects, BuildDescription build, ManifestSigner signer, ManifestEntry? sbom)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("_type", StatementType);
            writer.WriteStartArray("subject");
            foreach (var subject in subjects.OrderBy(s => s.Path, StringComparer.Ordinal))
            {
                writer.WriteStartObject();
                writer.WriteString("name", subject.Path);
                writer.WriteStartObject("digest");
                writer.WriteString("sha256", subject.Sha256);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteString("predicateType", PredicateType);
            writer.WriteStartObject("predicate");
            WriteBuildDefinition(writer, build, signer, sbom);
            WriteRunDetails(writer, build);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteBuildDefinition(Utf8JsonWriter writer, BuildDescription build, ManifestSigner signer, ManifestEntry? sbom)
    {
        writer.WriteStartObject("buildDefinition");
        writer.WriteString("buildType", BuildType);
        writer.WriteStartObject("externalParameters");
        writer.WriteString("project", build.Project);
        writer.WriteString("configuration", build.Configuration);
        writer.WriteString("targetFramework", build.TargetFramework);
        writer.WriteString("runtimeIdentifier", build.RuntimeIdentifier);
        writer.WriteEndObject();
        writer.WriteStartObject("internalParameters");
        writer.WriteString("sdkVersion", build.SdkVersion);
        writer.WriteString("spdfBuildVersion", build.SpdfBuildVersion);
        writer.WriteStartObject("signingKey");
        writer.WriteString("fingerprint", signer.KeyFingerprint);
        writer.WriteString("algorithm", signer.Algorithm);
        writer.WriteBoolean("ephemeral", signer.Ephemeral);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteStartArray("resolvedDependencies");
        if (build.Source is { } source)
        {
            writer.WriteStartObject();
            writer.WriteString("uri", source.RepositoryUrl.Length > 0 ? "git+" + source.RepositoryUrl : "git+file:unknown");
            writer.WriteStartObject("digest");
            writer.WriteString("gitCommit", source.Commit);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        if (sbom is not null)
        {
            writer.WriteStartObject();
            writer.WriteString("name", "sbom");
            writer.WriteString("uri", sbom.Path);
            writer.WriteString("mediaType", "application/vnd.cyclonedx+json");
            writer.WriteStartObject("digest");
            writer.WriteString("sha256", sbom.Sha256);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteRunDetails(Utf8JsonWriter writer, BuildDescription build)
    {
        writer.WriteStartObject("runDetails");
        writer.WriteStartObject("builder");
        writer.WriteString("id", build.Builder.Id);
        writer.WriteEndObject();
        writer.WriteStartObject("metadata");
        if (build.Builder.InvocationId is { } invocationId)
            writer.WriteString("invocationId", invocationId);
        writer.WriteString("startedOn", build.StartedOn);
        writer.WriteString("finishedOn", build.FinishedOn);
        writer.WriteEndObject();
        if (build.Builder.Details.Count > 0)
        {
            writer.WriteStartArray("byproducts");
            writer.WriteStartObject();
            writer.WriteString("name", "builder-environment");
            writer.WriteStartObject("annotations");
            foreach (var (name, value) in build.Builder.Details)
                writer.WriteString(name, value);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    /// <summary>Reads the subjects back (name to SHA-256); a malformed statement throws <see cref="JsonException"/> or <see cref="KeyNotFoundException"/>.</summary>
    public static IReadOnlyDictionary<string, string> ReadSubjects(JsonElement statement)
    {
        if (statement.GetProperty("_type").GetString() != StatementType)
            throw new JsonException($"_type is not {StatementType}");
        if (statement.GetProperty("predicateType").GetString() != PredicateType)
            throw new JsonException($"predicateType is not {PredicateType}");
        var subjects = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var subject in statement.GetProperty("subject").EnumerateArray())
        {
            var name = subject.GetProperty("name").GetString() ?? "";
            subjects[name] = subject.GetProperty("digest").GetProperty("sha256").GetString() ?? "";
        }

        return subjects;
    }
}
