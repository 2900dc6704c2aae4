using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Spdf.Build.Core.Traceability;

/// <summary>
/// Writes <c>spdf-trace.json</c> (docs/schemas/spdf-trace.schema.json). Same report, same bytes: properties in
/// a fixed order, collections in model or ordinal order, no wall-clock time other than the build time stamp.
/// </summary>
public static class TraceJsonWriter
{
    public const string SchemaReference = "https://github.com/spdf-build/spdf-build/blob/main/docs/schemas/spdf-trace.schema.json";
    public const string FormatVersion = "1.0";

    public static byte[] Write(TraceReport report)
    {
        var inputs = report.Inputs;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", SchemaReference);
            json.WriteString("formatVersion", FormatVersion);
            json.WriteString("generatedAt", inputs.Timestamp);
            WriteBuild(json, inputs.Build);

            json.WriteStartObject("threatModel");
            json.WriteString("path", inputs.ModelDisplayPath);
            json.WriteString("sha256", inputs.ModelSha256);
            json.WriteString("format", inputs.ModelFormat switch
            {
                ThreatModelFormat.Spdf => "spdf",
                ThreatModelFormat.ThreatDragon => "owasp-threat-dragon",
                _ => "microsoft-threat-modeling-tool",
            });
            json.WriteString("system", inputs.Model.System.Name);
            WriteOptional(json, "systemVersion", inputs.Model.System.Version);
            json.WriteEndObject();

            json.WriteStartArray("artefacts");
            foreach (var artefact in inputs.Artefacts.OrderBy(a => a.DisplayPath, System.StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("path", artefact.DisplayPath);
                json.WriteString("assembly", artefact.AssemblyName);
                json.WriteString("role", artefact.Role == ArtefactRole.Code ? "code" : "test");
                json.WriteString("sha256", artefact.Sha256);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("testResults");
            foreach (var file in inputs.TestResults.Files)
            {
                json.WriteStartObject();
                json.WriteString("path", Display(file.Path, inputs.RepositoryRoot));
                json.WriteString("sha256", file.Sha256);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            WriteThreats(json, report);
            WriteControls(json, report);
            WriteFindings(json, report.Findings);
            WriteCoverage(json, report.Coverage);
            json.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    internal static string Display(string path, string? repositoryRoot)
    {
        if (repositoryRoot is not null)
        {
            var relative = Path.GetRelativePath(repositoryRoot, path);
            if (!relative.StartsWith("..", System.StringComparison.Ordinal) && !Path.IsPathFullyQualified(relative))
                return relative.Replace('\\', '/');
        }

        return path.Replace('\\', '/');
    }

    private static void WriteBuild(Utf8JsonWriter json, BuildIdentity build)
    {
        json.WriteStartObject("build");
        json.WriteString("project", build.Project);
        WriteOptional(json, "version", build.Version);
        WriteOptional(json, "configuration", build.Configuration);
        WriteOptional(json, "commit", build.Commit);
        if (build.Dirty is { } dirty)
            json.WriteBoolean("dirty", dirty);
        WriteOptional(json, "repositoryUrl", build.RepositoryUrl);
        WriteOptional(json, "sdkVersion", build.SdkVersion);
        json.WriteString("spdfBuildVersion", build.SpdfBuildVersion);
        json.WriteEndObject();
    }

    private static void WriteThreats(Utf8JsonWriter json, TraceReport report)
    {
        json.WriteStartArray("threats");
        foreach (var trace in report.Threats)
        {
            var threat = trace.Threat;
            json.WriteStartObject();
            json.WriteString("id", threat.Id);
            json.WriteString("title", threat.Title);
            json.WriteString("category", threat.Category);
            json.WriteString("severity", threat.Severity);
            if (threat.Cvss is { } cvss)
            {
                json.WriteStartObject("cvss");
                json.WriteString("vector", cvss.Vector);
                if (cvss.Score is { } score)
                    json.WriteNumber("score", score);
                json.WriteEndObject();
            }

            json.WriteString("status", ThreatModelNames.ToJson(threat.Status));
            json.WriteBoolean("addressed", trace.Addressed);
            WriteStrings(json, "assets", threat.Assets);
            WriteStrings(json, "controls", threat.Controls);
            if (threat.Acceptance is { } acceptance)
            {
                json.WriteStartObject("acceptance");
                json.WriteString("rationale", acceptance.Rationale);
                WriteOptional(json, "approvedBy", acceptance.ApprovedBy);
                WriteOptional(json, "date", acceptance.Date);
                json.WriteEndObject();
            }

            WriteOptional(json, "residualRisk", threat.ResidualRisk);
            if (threat.External is { } external)
            {
                json.WriteStartObject("external");
                json.WriteString("tool", external.Tool);
                json.WriteString("id", external.Id);
                json.WriteEndObject();
            }

            WriteLinks(json, "mitigatedBy", trace.DirectLinks);
            WriteVerifications(json, trace.Verifications);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteControls(Utf8JsonWriter json, TraceReport report)
    {
        json.WriteStartArray("controls");
        foreach (var trace in report.Controls)
        {
            json.WriteStartObject();
            json.WriteString("id", trace.Control.Id);
            json.WriteString("title", trace.Control.Title);
            json.WriteString("type", trace.Control.Type);
            WriteOptional(json, "requirement", trace.Control.Requirement);
            json.WriteBoolean("required", trace.Required);
            WriteLinks(json, "implementations", trace.Implementations);
            WriteVerifications(json, trace.Verifications);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteLinks(Utf8JsonWriter json, string name, IReadOnlyList<CodeLink> links)
    {
        json.WriteStartArray(name);
        foreach (var link in links)
        {
            json.WriteStartObject();
            json.WriteString("assembly", link.Assembly);
            json.WriteString("symbol", link.Symbol);
            WriteOptional(json, "file", link.File);
            if (link.Line > 0)
                json.WriteNumber("line", link.Line);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteVerifications(Utf8JsonWriter json, IReadOnlyList<Verification> verifications)
    {
        json.WriteStartArray("verifications");
        foreach (var verification in verifications)
        {
            json.WriteStartObject();
            json.WriteString("test", verification.Link.Symbol);
            json.WriteString("assembly", verification.Link.Assembly);
            WriteOptional(json, "file", verification.Link.File);
            if (verification.Link.Line > 0)
                json.WriteNumber("line", verification.Link.Line);
            json.WriteString("outcome", verification.Outcome);
            if (verification.ResultCount > 0)
                json.WriteNumber("resultCount", verification.ResultCount);
            WriteOptional(json, "resultFileSha256", verification.ResultFileSha256);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteFindings(Utf8JsonWriter json, IReadOnlyList<Finding> findings)
    {
        json.WriteStartArray("findings");
        foreach (var finding in findings)
        {
            json.WriteStartObject();
            json.WriteString("id", finding.Id);
            json.WriteString("severity", finding.Severity);
            json.WriteString("subject", finding.Subject);
            json.WriteString("message", finding.Message);
            WriteOptional(json, "file", finding.DisplayFile);
            if (finding.Line > 0)
                json.WriteNumber("line", finding.Line);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteCoverage(Utf8JsonWriter json, CoverageSummary coverage)
    {
        json.WriteStartObject("coverage");
        json.WriteNumber("threats", coverage.Threats);
        json.WriteNumber("threatsAddressed", coverage.ThreatsAddressed);
        json.WriteNumber("open", coverage.Open);
        json.WriteNumber("mitigated", coverage.Mitigated);
        json.WriteNumber("accepted", coverage.Accepted);
        json.WriteNumber("transferred", coverage.Transferred);
        json.WriteNumber("notApplicable", coverage.NotApplicable);
        json.WriteNumber("controls", coverage.Controls);
        json.WriteNumber("controlsRequired", coverage.ControlsRequired);
        json.WriteNumber("controlsImplemented", coverage.ControlsImplemented);
        json.WriteNumber("controlsVerified", coverage.ControlsVerified);
        json.WriteNumber("verifyingTests", coverage.VerifyingTests);
        json.WriteNumber("testsPassed", coverage.TestsPassed);
        json.WriteNumber("testsFailed", coverage.TestsFailed);
        json.WriteNumber("testsWithoutResult", coverage.TestsWithoutResult);
        json.WriteBoolean("testResultsComplete", coverage.TestResultsComplete);
        json.WriteNumber("errors", coverage.Errors);
        json.WriteNumber("warnings", coverage.Warnings);
        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
            json.WriteStringValue(value);
        json.WriteEndArray();
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
            json.WriteString(name, value);
    }
}
