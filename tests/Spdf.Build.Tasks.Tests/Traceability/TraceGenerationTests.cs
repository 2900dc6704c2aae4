using System;
using System.IO;
using System.Linq;
using System.Text;
using Spdf.Build.Core;
using Spdf.Build.Core.Traceability;

namespace Spdf.Build.Tasks.Tests.Traceability;

/// <summary>Extraction from compiled assemblies, the coverage rules and the outputs, on a small pump-like system.</summary>
public sealed class TraceGenerationTests : IDisposable
{
    private const string Model = """
        {
          "schemaVersion": "1.0",
          "system": { "name": "Pump", "version": "1.0" },
          "threats": [
            { "id": "TM-001", "title": "Forged bolus", "category": "spoofing", "severity": "critical", "status": "mitigated", "controls": ["SC-001"] },
            { "id": "TM-002", "title": "Replay", "category": "tampering", "severity": "high", "status": "mitigated", "controls": ["SC-002"] },
            { "id": "TM-003", "title": "Flooding", "category": "denial-of-service", "severity": "medium", "status": "open" },
            { "id": "TM-004", "title": "Clock drift", "category": "tampering", "severity": "low", "status": "accepted",
              "acceptance": { "rationale": "RTC is not settable.", "approvedBy": "PSB" } },
            { "id": "TM-005", "title": "Theft", "category": "information-disclosure", "severity": "low", "status": "transferred" },
            { "id": "TM-006", "title": "Log tampering", "category": "repudiation", "severity": "medium", "status": "mitigated" },
            { "id": "TM-007", "title": "Debug port", "category": "elevation-of-privilege", "severity": "high", "status": "mitigated" }
          ],
          "controls": [
            { "id": "SC-001", "title": "Authenticated commands", "requirement": "HMAC per command", "type": "preventive" },
            { "id": "SC-002", "title": "Replay protection", "requirement": "Increasing sequence", "type": "preventive" }
          ]
        }
        """;

    private const string Code = """
        using Spdf.Build;
        namespace Pump
        {
            [ImplementsControl("SC-001")]
            public sealed class Authenticator
            {
                public bool Accept(string line)
                {
                    return line.Length > 0;
                }

                [Mitigates("TM-006")]
                public int Chain { get; set; }

                [ImplementsControl("SC-009")]
                public async System.Threading.Tasks.Task<int> ReadAsync()
                {
                    await System.Threading.Tasks.Task.Yield();
                    return 1;
                }

                public static class Nested
                {
                    [Mitigates("SC-002")]
                    public static void Wrong() { }
                }
            }
        }
        """;

    private const string Tests = """
        using Spdf.Build;
        namespace Pump.Tests
        {
            public sealed class AuthenticatorTests
            {
                [Verifies("SC-001")]
                public void Forged_command_is_refused() { }

                [Verifies("SC-001")]
                public void Good_command_is_accepted() { }

                [Verifies("TM-006")]
                public void Edited_entry_is_detected() { }
            }
        }
        """;

    private readonly TemporaryFolder _folder = new();
    private readonly string _modelPath;
    private readonly string _codeAssembly;
    private readonly string _testAssembly;

    public TraceGenerationTests()
    {
        _modelPath = _folder.Write("model.spdf.json", Model);
        _codeAssembly = TraceabilityTestData.Compile(_folder.Path, "Pump", Code, _folder.Combine("Authenticator.cs"));
        _testAssembly = TraceabilityTestData.Compile(_folder.Path, "Pump.Tests", Tests, _folder.Combine("AuthenticatorTests.cs"));
    }

    public void Dispose() => _folder.Dispose();

    private TraceGenerationRequest Request(string[]? trx = null, TraceabilityPolicy policy = TraceabilityPolicy.Error, string[]? missingTests = null) => new()
    {
        ThreatModelPath = _modelPath,
        CodeAssemblies = new[] { _codeAssembly },
        TestAssemblies = missingTests is null ? new[] { _testAssembly } : Array.Empty<string>(),
        MissingTestAssemblies = missingTests ?? Array.Empty<string>(),
        TestResultFiles = trx ?? Array.Empty<string>(),
        Build = new BuildIdentity("Pump", "1.0", "Release", "0123456789abcdef0123456789abcdef01234567", false, "10.0.100", "0.1.0", "https://example.com/contoso/pump"),
        Timestamp = "2026-11-01T08:00:00Z",
        JsonOutputPath = _folder.Combine("out/spdf-trace.json"),
        HtmlOutputPath = _folder.Combine("out/spdf-trace.html"),
        RepositoryRoot = _folder.Path,
        Policy = policy,
    };

    private string TestResults(string forgedOutcome)
    {
        var trx = _folder.Write("results.trx", TrxReaderTests.Trx(_testAssembly,
            ("Pump.Tests.AuthenticatorTests", "Forged_command_is_refused", forgedOutcome),
            ("Pump.Tests.AuthenticatorTests", "Good_command_is_accepted", "Passed")));
        File.SetLastWriteTimeUtc(trx, DateTime.UtcNow.AddMinutes(1));
        return trx;
    }

    [Fact]
    public void Links_come_from_metadata_with_symbol_file_and_line()
    {
        var links = LinkExtractor.Extract(_codeAssembly, _folder.Path).OrderBy(l => l.Symbol, StringComparer.Ordinal).ToList();

        Assert.Equal(
            new[]
            {
                (LinkKind.ImplementsControl, "SC-001", "Pump.Authenticator", "Authenticator.cs", 8),
                (LinkKind.Mitigates, "SC-002", "Pump.Authenticator+Nested.Wrong", "Authenticator.cs", 25),
                (LinkKind.Mitigates, "TM-006", "Pump.Authenticator.Chain", "Authenticator.cs", 13),
                (LinkKind.ImplementsControl, "SC-009", "Pump.Authenticator.ReadAsync", "Authenticator.cs", 17),
            },
            links.Select(l => (l.Kind, l.Id, l.Symbol, l.File ?? "", l.Line)));
        Assert.All(links, l => Assert.Equal("Pump", l.Assembly));
    }

    [Fact]
    public void Coverage_rules_report_every_gap()
    {
        var report = TraceGeneration.Run(Request(new[] { TestResults("Failed") }));

        var findings = report.Findings.Select(f => (f.Id, f.Subject)).ToList();
        Assert.Contains((DiagnosticIds.OpenThreat, "TM-003"), findings);
        Assert.Contains((DiagnosticIds.RiskDecisionWithoutRationale, "TM-005"), findings);
        Assert.Contains((DiagnosticIds.MitigatedThreatWithoutLink, "TM-002"), findings);
        Assert.Contains((DiagnosticIds.MitigatedThreatWithoutLink, "TM-007"), findings);
        Assert.Contains((DiagnosticIds.ControlNotImplemented, "SC-002"), findings);
        Assert.Contains((DiagnosticIds.ControlNotVerified, "SC-002"), findings);
        Assert.Contains((DiagnosticIds.VerifyingTestFailed, "Pump.Tests.AuthenticatorTests.Forged_command_is_refused"), findings);
        Assert.Contains((DiagnosticIds.VerifyingTestNotRun, "Pump.Tests.AuthenticatorTests.Edited_entry_is_detected"), findings);
        Assert.Contains((DiagnosticIds.UnknownIdInCode, "Pump.Authenticator.ReadAsync"), findings);
        Assert.Contains((DiagnosticIds.UnknownIdInCode, "Pump.Authenticator+Nested.Wrong"), findings);
        Assert.DoesNotContain(findings, f => f.Subject is "TM-001" or "TM-004" or "TM-006" or "SC-001");
        Assert.All(report.Findings, f => Assert.Equal(FindingSeverity.Error, f.Severity));

        var open = report.Findings.Single(f => f.Id == DiagnosticIds.OpenThreat);
        Assert.Equal((_modelPath, 7), (open.File, open.Line));
        var failed = report.Findings.Single(f => f.Id == DiagnosticIds.VerifyingTestFailed);
        Assert.Equal((_folder.Combine("AuthenticatorTests.cs"), 7), (failed.File, failed.Line));

        var c = report.Coverage;
        Assert.Equal((7, 1, 4, 1, 1), (c.Threats, c.Open, c.Mitigated, c.Accepted, c.Transferred));
        Assert.Equal((3, 2, 1, 0), (c.ThreatsAddressed, c.ControlsRequired, c.ControlsImplemented, c.ControlsVerified));
        Assert.Equal((3, 1, 1, 1), (c.VerifyingTests, c.TestsPassed, c.TestsFailed, c.TestsWithoutResult));
    }

    [Fact]
    public void Warning_policy_turns_findings_into_warnings()
        => Assert.All(TraceGeneration.Run(Request(policy: TraceabilityPolicy.Warning)).Findings.Where(f => f.Id != DiagnosticIds.TestResultsMissing), f => Assert.Equal(FindingSeverity.Warning, f.Severity));

    [Fact]
    public void Without_current_results_outcomes_are_pending_not_failed()
    {
        var stale = TestResults("Failed");
        File.SetLastWriteTimeUtc(stale, File.GetLastWriteTimeUtc(_testAssembly).AddMinutes(-5));

        var report = TraceGeneration.Run(Request(new[] { stale }));

        Assert.False(report.Coverage.TestResultsComplete);
        Assert.DoesNotContain(report.Findings, f => f.Id == DiagnosticIds.VerifyingTestFailed);
        var missing = Assert.Single(report.Findings, f => f.Id == DiagnosticIds.TestResultsMissing);
        Assert.Equal(FindingSeverity.Info, missing.Severity);
    }

    [Fact]
    public void Test_project_not_built_yet_skips_verification_rules_but_says_so()
    {
        var report = TraceGeneration.Run(Request(missingTests: new[] { _folder.Combine("tests/Pump.Tests.dll") }));

        Assert.DoesNotContain(report.Findings, f => f.Id == DiagnosticIds.ControlNotVerified);
        Assert.Contains(report.Findings, f => f.Id == DiagnosticIds.TestResultsMissing && f.Severity == FindingSeverity.Info);
        Assert.False(report.Coverage.TestResultsComplete);
    }

    [Fact]
    public void Same_inputs_give_the_same_bytes()
    {
        var trx = TestResults("Passed");
        var request = Request(new[] { trx });
        TraceGeneration.Run(request);
        var json = File.ReadAllBytes(request.JsonOutputPath);
        var html = File.ReadAllBytes(request.HtmlOutputPath);

        TraceGeneration.Run(request);

        Assert.Equal(json, File.ReadAllBytes(request.JsonOutputPath));
        Assert.Equal(html, File.ReadAllBytes(request.HtmlOutputPath));
        Assert.Contains("\"generatedAt\": \"2026-11-01T08:00:00Z\"", Encoding.UTF8.GetString(json), StringComparison.Ordinal);
    }

    [Fact]
    public void Html_is_self_contained_and_marks_gaps()
    {
        var request = Request(new[] { TestResults("Failed") });
        TraceGeneration.Run(request);
        var html = File.ReadAllText(request.HtmlOutputPath);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<tr id=\"TM-003\" class=\"gap\">", html, StringComparison.Ordinal);
        Assert.Contains("GAP: open threat", html, StringComparison.Ordinal);
        Assert.Contains("GAP: failed", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"value\">3 of 7</span>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.com/contoso/pump/blob/0123456789abcdef0123456789abcdef01234567/Authenticator.cs#L8\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_model_leaves_previous_outputs_untouched()
    {
        var request = Request();
        TraceGeneration.Run(request);
        var before = File.ReadAllBytes(request.JsonOutputPath);
        File.WriteAllText(_modelPath, Model.Replace("\"1.0\",\n  \"system\"", "\"9.0\",\n  \"system\"", StringComparison.Ordinal));

        var error = Assert.Throws<SpdfException>(() => TraceGeneration.Run(request));

        Assert.Equal((DiagnosticIds.ThreatModelUnknownSchemaVersion, 2), (error.DiagnosticId, error.Line));
        Assert.Equal(before, File.ReadAllBytes(request.JsonOutputPath));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(request.JsonOutputPath)!, "*.tmp"));
    }
}
