using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using Spdf.Build.Core.Signing;
using Spdf.Build.Core.Verification;

namespace Spdf.Cli;

/// <summary>
/// <c>spdf verify &lt;folder&gt; [--trust root.pem | --key-fingerprint sha256] [--json]</c>: checks an Spdf.Build
/// output or evidence folder offline. Exit codes: see <see cref="VerificationExitCode"/> and docs/verifying-evidence.md.
/// </summary>
public static class VerifyCommand
{
    public static Command Create()
    {
        var folder = new Argument<DirectoryInfo>("folder")
        {
            Description = "The project's output folder (holding spdf/) or its evidence folder (holding spdf-manifest.json).",
        };
        var trust = new Option<FileInfo>("--trust")
        {
            Description = "PEM file with the root certificate(s) every signer must chain to.",
        };
        var keyFingerprint = new Option<string>("--key-fingerprint")
        {
            Description = "SHA-256 fingerprint (hex) of the one public key every signature must be made with.",
        };
        var json = new Option<bool>("--json")
        {
            Description = "Print the result as JSON for machines.",
        };

        var command = new Command("verify", "Verify signed Spdf.Build evidence offline: signatures, manifest, provenance, SBOM and traceability.")
        {
            folder,
            trust,
            keyFingerprint,
            json,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(trust) is not null && result.GetValue(keyFingerprint) is not null)
                result.AddError("Use either --trust or --key-fingerprint, not both.");
            if (result.GetValue(keyFingerprint) is { } value && !PublicKeyFingerprint.TryNormalize(value, out _))
                result.AddError($"--key-fingerprint '{value}' is not a SHA-256 fingerprint (64 hex digits, colons allowed).");
        });

        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var target = parseResult.GetRequiredValue(folder);
            if (!target.Exists)
            {
                error.WriteLine($"spdf verify: the folder '{target.FullName}' does not exist.");
                return VerificationExitCode.UsageError;
            }

            TrustAnchor anchor;
            try
            {
                anchor = CreateTrustAnchor(parseResult.GetValue(trust), parseResult.GetValue(keyFingerprint));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
            {
                error.WriteLine($"spdf verify: cannot read the trust anchor: {exception.Message}");
                return VerificationExitCode.UsageError;
            }

            VerificationReport report;
            using (anchor)
            {
                try
                {
                    report = EvidenceVerifier.Verify(target.FullName, anchor);
                }
                catch (ArgumentException exception)
                {
                    error.WriteLine("spdf verify: " + exception.Message);
                    return VerificationExitCode.UsageError;
                }
            }

            if (parseResult.GetValue(json))
                WriteJson(output, report);
            else
                WriteSummary(output, report);
            return report.ExitCode;
        });
        return command;
    }

    private static TrustAnchor CreateTrustAnchor(FileInfo? trust, string? keyFingerprint)
    {
        if (trust is not null)
            return TrustAnchor.ForRoots(trust.FullName);
        if (keyFingerprint is not null && PublicKeyFingerprint.TryNormalize(keyFingerprint, out var normalized))
            return TrustAnchor.ForFingerprint(normalized);
        return TrustAnchor.None();
    }

    private static string ResultName(int exitCode) => exitCode switch
    {
        VerificationExitCode.Verified => "verified",
        VerificationExitCode.Tampered => "tampered",
        VerificationExitCode.Untrusted => "untrusted",
        VerificationExitCode.Incomplete => "incomplete",
        VerificationExitCode.CoverageFailing => "coverage-failing",
        _ => "error",
    };

    private static void WriteSummary(TextWriter output, VerificationReport report)
    {
        output.WriteLine($"spdf verify {report.Folder}");
        if (report.ManifestPath is not null)
            output.WriteLine($"  manifest:  {report.ManifestPath} ({report.FilesChecked} files)");
        if (report.SignerFingerprint is not null)
            output.WriteLine($"  signer:    {report.SignerFingerprint}{(report.Ephemeral ? " (ephemeral key)" : "")}");
        output.WriteLine($"  trust:     {report.Trust}");
        output.WriteLine($"  checked:   {report.FilesChecked} files, {report.SignaturesChecked} signatures, {report.SubjectsChecked} provenance subjects");
        foreach (var finding in report.Findings)
        {
            var label = finding.Kind == FindingKind.Notice ? "note" : "FAIL";
            output.WriteLine($"  {label} {finding.Id} {finding.File}: {finding.Message}");
        }

        var failures = report.Findings.Count(f => f.Kind != FindingKind.Notice);
        output.WriteLine(failures == 0
            ? "Result: verified (exit code 0)"
            : $"Result: {ResultName(report.ExitCode)}, {failures} problem(s) (exit code {report.ExitCode})");
    }

    private static void WriteJson(TextWriter output, VerificationReport report)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("folder", report.Folder);
            writer.WriteString("result", ResultName(report.ExitCode));
            writer.WriteNumber("exitCode", report.ExitCode);
            writer.WriteString("manifest", report.ManifestPath);
            writer.WriteString("signerKeyFingerprint", report.SignerFingerprint);
            writer.WriteBoolean("ephemeralKey", report.Ephemeral);
            writer.WriteString("trust", report.Trust);
            writer.WriteNumber("filesChecked", report.FilesChecked);
            writer.WriteNumber("signaturesChecked", report.SignaturesChecked);
            writer.WriteNumber("provenanceSubjectsChecked", report.SubjectsChecked);
            writer.WriteStartArray("findings");
            foreach (var finding in report.Findings)
            {
                writer.WriteStartObject();
                writer.WriteString("id", finding.Id);
                writer.WriteString("kind", JsonNamingPolicy.CamelCase.ConvertName(finding.Kind.ToString()));
                writer.WriteString("file", finding.File);
                writer.WriteString("message", finding.Message);
                writer.WriteString("helpLink", "https://github.com/spdf-build/spdf-build/blob/main/docs/rules/" + finding.Id + ".md");
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
