using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Spdf.Build.Core.Traceability;

/// <summary>
/// Joins the threat model, the links read from the built assemblies and the test outcomes into a trace, and
/// applies the coverage rules (docs/traceability.md, "Coverage rules"): every threat addressed, every control
/// a mitigated threat relies on implemented and verified, every verifying test passed, every ID in code known.
/// </summary>
public static class TraceBuilder
{
    private static readonly IComparer<CodeLink> LinkOrder = Comparer<CodeLink>.Create((a, b) =>
    {
        var byFile = string.CompareOrdinal(a.File, b.File);
        if (byFile != 0)
            return byFile;
        var byLine = a.Line.CompareTo(b.Line);
        return byLine != 0 ? byLine : string.CompareOrdinal(a.Symbol, b.Symbol);
    });

    public static TraceReport Build(TraceInputs inputs)
    {
        var model = inputs.Model;
        var findings = new List<Finding>();
        var issueSeverity = inputs.Policy switch
        {
            TraceabilityPolicy.Error => FindingSeverity.Error,
            TraceabilityPolicy.Warning => FindingSeverity.Warning,
            _ => FindingSeverity.Info,
        };

        var threatIds = model.Threats.ToDictionary(t => t.Id, StringComparer.Ordinal);
        var controlIds = model.Controls.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var links = inputs.Links.Distinct().OrderBy(l => l, LinkOrder).ToList();

        foreach (var link in links)
        {
            if (DescribeUnknown(link, threatIds, controlIds, model.Prefixes) is { } problem)
                findings.Add(CodeFinding(DiagnosticIds.UnknownIdInCode, issueSeverity, link, problem, inputs));
        }

        var resultsCurrent = new Dictionary<string, (Artefact? Artefact, bool Current)>(StringComparer.Ordinal);
        var verifications = links.Where(l => l.Kind == LinkKind.Verifies).Select(l => Verify(l, inputs, resultsCurrent)).ToList();
        var implementationsById = links.Where(l => l.Kind == LinkKind.ImplementsControl).ToLookup(l => l.Id, StringComparer.Ordinal);
        var mitigationsById = links.Where(l => l.Kind == LinkKind.Mitigates).ToLookup(l => l.Id, StringComparer.Ordinal);
        var verificationsById = verifications.ToLookup(v => v.Link.Id, StringComparer.Ordinal);
        var requiredControls = new HashSet<string>(
            model.Threats.Where(t => t.Status == ThreatStatus.Mitigated).SelectMany(t => t.Controls),
            StringComparer.Ordinal);

        var controls = model.Controls.Select(control => new ControlTrace(
            control,
            requiredControls.Contains(control.Id),
            implementationsById[control.Id].ToList(),
            verificationsById[control.Id].ToList())).ToList();
        var controlTraces = controls.ToDictionary(c => c.Control.Id, StringComparer.Ordinal);

        var threats = new List<ThreatTrace>();
        foreach (var threat in model.Threats)
        {
            var direct = mitigationsById[threat.Id].ToList();
            var threatVerifications = verificationsById[threat.Id].ToList();
            var addressed = EvaluateThreat(threat, direct, threatVerifications, controlTraces, inputs, issueSeverity, findings, inputs.MissingTestAssemblies.Count > 0);
            threats.Add(new ThreatTrace(threat, direct, threatVerifications, addressed));
        }

        var testEvidenceMissing = inputs.MissingTestAssemblies.Count > 0;
        foreach (var missing in inputs.MissingTestAssemblies)
        {
            findings.Add(new Finding(
                DiagnosticIds.TestResultsMissing,
                inputs.RequireTestResults ? issueSeverity : FindingSeverity.Info,
                Path.GetFileName(missing),
                $"The test assembly {missing} is not built yet, so its [Verifies] links and outcomes are not in this trace. Build the tests, run them with a TRX logger and build again (see docs/traceability.md).",
                null,
                null,
                0));
        }

        foreach (var control in controls.Where(c => c.Required))
        {
            if (control.Implementations.Count == 0)
                findings.Add(ModelFinding(DiagnosticIds.ControlNotImplemented, issueSeverity, control.Control.Id, control.Control.Line, inputs,
                    $"Control {control.Control.Id} '{control.Control.Title}' is relied on by a mitigated threat but no code carries [ImplementsControl(\"{control.Control.Id}\")]."));
            if (control.Verifications.Count == 0 && !testEvidenceMissing)
                findings.Add(ModelFinding(DiagnosticIds.ControlNotVerified, issueSeverity, control.Control.Id, control.Control.Line, inputs,
                    $"Control {control.Control.Id} '{control.Control.Title}' is relied on by a mitigated threat but no test carries [Verifies(\"{control.Control.Id}\")]."));
        }

        AddOutcomeFindings(verifications, inputs, issueSeverity, findings);

        var verifyingTests = verifications.GroupBy(v => (v.Link.Assembly, v.Link.Symbol)).Select(g => g.First().Outcome).ToList();
        var coverage = new CoverageSummary(
            model.Threats.Count,
            model.Threats.Count(t => t.Status == ThreatStatus.Open),
            model.Threats.Count(t => t.Status == ThreatStatus.Mitigated),
            model.Threats.Count(t => t.Status == ThreatStatus.Accepted),
            model.Threats.Count(t => t.Status == ThreatStatus.Transferred),
            model.Threats.Count(t => t.Status == ThreatStatus.NotApplicable),
            threats.Count(t => t.Addressed),
            model.Controls.Count,
            controls.Count(c => c.Required),
            controls.Count(c => c.Required && c.Implementations.Count > 0),
            controls.Count(c => c.Required && c.Verifications.Count > 0 && c.Verifications.All(v => v.Outcome == VerificationOutcome.Passed)),
            verifyingTests.Count,
            verifyingTests.Count(o => o == VerificationOutcome.Passed),
            verifyingTests.Count(o => o == VerificationOutcome.Failed),
            verifyingTests.Count(o => o is VerificationOutcome.NotRun or VerificationOutcome.NoResults),
            findings.Count(f => f.Severity == FindingSeverity.Error),
            findings.Count(f => f.Severity == FindingSeverity.Warning),
            !testEvidenceMissing && verifications.All(v => v.Outcome != VerificationOutcome.NoResults));

        return new TraceReport { Inputs = inputs, Threats = threats, Controls = controls, Findings = findings, Coverage = coverage };
    }

    private static bool EvaluateThreat(
        Threat threat,
        List<CodeLink> direct,
        List<Verification> threatVerifications,
        Dictionary<string, ControlTrace> controls,
        TraceInputs inputs,
        string severity,
        List<Finding> findings,
        bool testEvidenceMissing)
    {
        switch (threat.Status)
        {
            case ThreatStatus.Open:
                findings.Add(ModelFinding(DiagnosticIds.OpenThreat, severity, threat.Id, threat.Line, inputs,
                    $"Threat {threat.Id} '{threat.Title}' is open: mitigate it with a control and link the code, or record a risk decision (accepted, transferred, not-applicable) with a rationale."));
                return false;
            case ThreatStatus.Mitigated:
                var implemented = threat.Controls.Any(id => controls[id].Implementations.Count > 0);
                if (direct.Count == 0 && !implemented)
                {
                    findings.Add(ModelFinding(DiagnosticIds.MitigatedThreatWithoutLink, severity, threat.Id, threat.Line, inputs,
                        $"Threat {threat.Id} '{threat.Title}' is marked mitigated, but no code carries [Mitigates(\"{threat.Id}\")] and none of its controls ({(threat.Controls.Count == 0 ? "none listed" : string.Join(", ", threat.Controls))}) is implemented."));
                    return false;
                }

                if (threat.Controls.Count == 0 && threatVerifications.Count == 0 && !testEvidenceMissing)
                {
                    findings.Add(ModelFinding(DiagnosticIds.ControlNotVerified, severity, threat.Id, threat.Line, inputs,
                        $"Threat {threat.Id} '{threat.Title}' is mitigated only by direct [Mitigates] links and no test carries [Verifies(\"{threat.Id}\")]."));
                }

                return true;
            default:
                if (threat.Acceptance is null || string.IsNullOrWhiteSpace(threat.Acceptance.Rationale))
                {
                    findings.Add(ModelFinding(DiagnosticIds.RiskDecisionWithoutRationale, severity, threat.Id, threat.Line, inputs,
                        $"Threat {threat.Id} '{threat.Title}' is {ThreatModelNames.ToJson(threat.Status)} without a rationale: add 'acceptance' with 'rationale' (and who approved it)."));
                    return false;
                }

                return true;
        }
    }

    private static void AddOutcomeFindings(List<Verification> verifications, TraceInputs inputs, string severity, List<Finding> findings)
    {
        var reportedAssemblies = new HashSet<string>(StringComparer.Ordinal);
        foreach (var verification in verifications)
        {
            var link = verification.Link;
            switch (verification.Outcome)
            {
                case VerificationOutcome.Failed:
                    findings.Add(CodeFinding(DiagnosticIds.VerifyingTestFailed, severity, link,
                        $"Test {link.Symbol} verifies {link.Id} but did not pass in this run's results ({verification.ResultCount} result(s), see {Path.GetFileName(verification.ResultFile)}).", inputs));
                    break;
                case VerificationOutcome.NotRun:
                    findings.Add(CodeFinding(DiagnosticIds.VerifyingTestNotRun, severity, link,
                        $"Test {link.Symbol} verifies {link.Id} but has no result in the test results of {link.Assembly} (filtered out or skipped?).", inputs));
                    break;
                case VerificationOutcome.NoResults when reportedAssemblies.Add(link.Assembly):
                    findings.Add(new Finding(
                        DiagnosticIds.TestResultsMissing,
                        inputs.RequireTestResults ? severity : FindingSeverity.Info,
                        link.Assembly,
                        $"No test results newer than {link.Assembly} were found, so the outcomes of its verifying tests are not in this trace. Run 'dotnet test --logger trx' and build again (see docs/traceability.md).",
                        null,
                        null,
                        0));
                    break;
            }
        }
    }

    private static Verification Verify(CodeLink link, TraceInputs inputs, Dictionary<string, (Artefact? Artefact, bool Current)> resultsCurrent)
    {
        if (!resultsCurrent.TryGetValue(link.Assembly, out var state))
        {
            var artefact = inputs.Artefacts.FirstOrDefault(a => a.AssemblyName == link.Assembly);
            var assemblyFile = artefact is null ? link.Assembly + ".dll" : Path.GetFileName(artefact.Path);
            var current = inputs.TestResults.Files.Any(f =>
                f.AssemblyFileNames.Contains(assemblyFile, StringComparer.OrdinalIgnoreCase)
                && (artefact is null || f.LastWriteTimeUtc >= artefact.LastWriteTimeUtc));
            resultsCurrent[link.Assembly] = state = (artefact, current);
        }

        if (!state.Current)
            return new Verification(link, VerificationOutcome.NoResults, 0, null, null);
        if (!inputs.TestResults.ByTest.TryGetValue(link.Symbol, out var outcome))
            return new Verification(link, VerificationOutcome.NotRun, 0, null, null);
        return new Verification(link, outcome.Passed ? VerificationOutcome.Passed : VerificationOutcome.Failed, outcome.ResultCount, outcome.ResultFile, outcome.ResultFileSha256);
    }

    private static string? DescribeUnknown(CodeLink link, Dictionary<string, Threat> threats, Dictionary<string, Control> controls, IdPrefixes prefixes)
    {
        var attribute = link.Kind switch
        {
            LinkKind.Mitigates => "[Mitigates]",
            LinkKind.ImplementsControl => "[ImplementsControl]",
            _ => "[Verifies]",
        };
        var isThreat = threats.ContainsKey(link.Id);
        var isControl = controls.ContainsKey(link.Id);
        return link.Kind switch
        {
            _ when !isThreat && !isControl && prefixes.KindOf(link.Id) == IdKind.Asset => $"{attribute} on {link.Symbol} names the asset {link.Id}; link threats and controls, not assets.",
            _ when !isThreat && !isControl => $"{attribute} on {link.Symbol} names '{link.Id}', which the threat model does not define.",
            LinkKind.Mitigates when !isThreat => $"[Mitigates] on {link.Symbol} names the control {link.Id}; use [ImplementsControl(\"{link.Id}\")] or name a threat.",
            LinkKind.ImplementsControl when !isControl => $"[ImplementsControl] on {link.Symbol} names the threat {link.Id}; use [Mitigates(\"{link.Id}\")] or name a control.",
            _ => null,
        };
    }

    private static Finding ModelFinding(string id, string severity, string subject, int line, TraceInputs inputs, string message)
        => new(id, severity, subject, message, inputs.ModelPath, inputs.ModelDisplayPath, line);

    private static Finding CodeFinding(string id, string severity, CodeLink link, string message, TraceInputs inputs)
        => new(id, severity, link.Symbol, message, ResolveSourcePath(link.File, inputs), link.File, link.Line);

    /// <summary>Source paths in links are repository-relative; the build log needs them absolute to be clickable.</summary>
    private static string? ResolveSourcePath(string? file, TraceInputs inputs)
        => file is null || Path.IsPathFullyQualified(file) || inputs.RepositoryRoot is null ? file : Path.Combine(inputs.RepositoryRoot, file);
}
