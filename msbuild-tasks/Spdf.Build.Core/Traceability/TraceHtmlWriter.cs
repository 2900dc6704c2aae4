using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text;

namespace Spdf.Build.Core.Traceability;

/// <summary>
/// Writes <c>spdf-trace.html</c>: one self-contained page (inline CSS, no scripts, no external assets) an auditor
/// opens in a browser or prints: coverage figures, the threat | control | implementation | test matrix with
/// gaps highlighted, the findings and the inputs with their SHA-256.
/// </summary>
public static class TraceHtmlWriter
{
    private const string Style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:24px;color:#1b1f24;font-size:14px}
        h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}
        .identity{color:#57606a;margin:0 0 16px}
        .summary{display:flex;flex-wrap:wrap;gap:12px}
        .figure{border:1px solid #d0d7de;border-radius:6px;padding:10px 14px;min-width:150px}
        .figure .value{display:block;font-size:22px;font-weight:600}
        .figure .label{color:#57606a}
        .figure.bad{border-color:#cf222e;background:#ffebe9}
        table{border-collapse:collapse;width:100%}
        th,td{border:1px solid #d0d7de;padding:5px 7px;vertical-align:top;text-align:left;overflow-wrap:anywhere}
        th{background:#f6f8fa}
        tr.gap td{background:#fff5f5}
        .gap-label{display:inline-block;color:#fff;background:#cf222e;border-radius:4px;padding:0 5px;font-weight:600;font-size:12px}
        .pending{display:inline-block;background:#fff8c5;border-radius:4px;padding:0 5px;font-size:12px}
        .ok{color:#1a7f37;font-weight:600}.bad{color:#cf222e;font-weight:600}
        code{font-size:12px;word-break:break-all}
        .muted{color:#57606a}
        @media print{body{margin:0;font-size:11px}.figure{break-inside:avoid}tr{break-inside:avoid}a{color:inherit;text-decoration:none}}
        """;

    public static byte[] Write(TraceReport report)
    {
        var html = new StringBuilder(64 * 1024);
        var inputs = report.Inputs;
        var build = inputs.Build;
        var title = "Threat-model traceability: " + inputs.Model.System.Name + (inputs.Model.System.Version is { } v ? " " + v : "");

        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
            .Append(E(title)).Append("</title>\n<style>\n").Append(Style).Append("\n</style>\n</head>\n<body>\n");
        html.Append("<h1>").Append(E(title)).Append("</h1>\n<p class=\"identity\">")
            .Append(E(build.Project)).Append(build.Version is null ? "" : " " + E(build.Version))
            .Append(build.Configuration is null ? "" : " · " + E(build.Configuration))
            .Append(build.Commit is null ? "" : " · commit " + E(build.Commit) + (build.Dirty == true ? " (uncommitted changes)" : ""))
            .Append(" · built ").Append(E(inputs.Timestamp))
            .Append(build.SdkVersion is null ? "" : " · .NET SDK " + E(build.SdkVersion))
            .Append(" · Spdf.Build ").Append(E(build.SpdfBuildVersion)).Append("</p>\n");

        WriteSummary(html, report.Coverage);
        WriteMatrix(html, report);
        WriteFindings(html, report.Findings);
        WriteInputs(html, report);
        html.Append("</body>\n</html>\n");
        return new UTF8Encoding(false).GetBytes(html.ToString());
    }

    private static void WriteSummary(StringBuilder html, CoverageSummary coverage)
    {
        html.Append("<h2>Coverage</h2>\n<div class=\"summary\">\n");
        Figure(html, "threats-addressed", $"{coverage.ThreatsAddressed} of {coverage.Threats}", "threats addressed", coverage.ThreatsAddressed < coverage.Threats);
        Figure(html, "open-threats", N(coverage.Open), "open threats", coverage.Open > 0);
        Figure(html, "controls-implemented", $"{coverage.ControlsImplemented} of {coverage.ControlsRequired}", "required controls implemented", coverage.ControlsImplemented < coverage.ControlsRequired);
        Figure(html, "controls-verified", $"{coverage.ControlsVerified} of {coverage.ControlsRequired}", "required controls verified by passing tests", coverage.ControlsVerified < coverage.ControlsRequired);
        Figure(html, "tests-passed", $"{coverage.TestsPassed} of {coverage.VerifyingTests}", "verifying tests passed", coverage.TestsPassed < coverage.VerifyingTests);
        Figure(html, "findings", $"{coverage.Errors} errors, {coverage.Warnings} warnings", "findings", coverage.Errors + coverage.Warnings > 0);
        html.Append("</div>\n");
        if (!coverage.TestResultsComplete)
            html.Append("<p><span class=\"pending\">Test outcomes incomplete</span> No current test results for some verifying tests: run the tests with a TRX logger, then build again.</p>\n");
    }

    private static void Figure(StringBuilder html, string id, string value, string label, bool bad)
        => html.Append("<div class=\"figure").Append(bad ? " bad" : "").Append("\" id=\"summary-").Append(id).Append("\"><span class=\"value\">")
            .Append(E(value)).Append("</span><span class=\"label\">").Append(E(label)).Append("</span></div>\n");

    private static void WriteMatrix(StringBuilder html, TraceReport report)
    {
        var controls = report.Controls.ToDictionary(c => c.Control.Id, StringComparer.Ordinal);
        html.Append("<h2>Matrix</h2>\n<table class=\"matrix\">\n<thead><tr><th>Threat</th><th>Severity</th><th>Status</th><th>Control</th><th>Implementation</th><th>Verifying test</th><th>Outcome</th><th>Residual risk / acceptance</th></tr></thead>\n<tbody>\n");
        foreach (var trace in report.Threats)
        {
            var threat = trace.Threat;
            var groups = new List<MatrixGroup>();
            foreach (var controlId in threat.Controls)
                groups.Add(ControlGroup(controls[controlId], threat.Status == ThreatStatus.Mitigated, report.Inputs));
            if (trace.DirectLinks.Count > 0 || (threat.Controls.Count == 0 && threat.Status == ThreatStatus.Mitigated))
                groups.Add(DirectGroup(trace, report.Inputs));
            if (groups.Count == 0)
                groups.Add(new MatrixGroup("<span class=\"muted\">none</span>", "", false, new List<(string, string, bool)> { ("", "", false) }));

            var gapText = threat.Status switch
            {
                ThreatStatus.Open => "GAP: open threat",
                ThreatStatus.Mitigated when !trace.Addressed => "GAP: no link in code",
                _ when !trace.Addressed => "GAP: no rationale",
                _ => null,
            };
            var threatRows = groups.Sum(g => g.Tests.Count);
            var rowNumber = 0;
            foreach (var group in groups)
            {
                for (var t = 0; t < group.Tests.Count; t++)
                {
                    var (test, outcome, testGap) = group.Tests[t];
                    html.Append("<tr id=\"").Append(E(threat.Id)).Append(rowNumber == 0 ? "" : "-" + N(rowNumber + 1)).Append('"');
                    if (gapText is not null || group.Gap || testGap)
                        html.Append(" class=\"gap\"");
                    html.Append('>');
                    if (rowNumber == 0)
                    {
                        var span = RowSpan(threatRows);
                        html.Append("<td").Append(span).Append("><strong>").Append(E(threat.Id)).Append("</strong> ").Append(E(threat.Title));
                        if (threat.External is { } external)
                            html.Append("<br><span class=\"muted\">").Append(E(external.Tool)).Append(' ').Append(E(external.Id)).Append("</span>");
                        html.Append("</td><td").Append(span).Append('>').Append(E(threat.Severity))
                            .Append(threat.Cvss is { Score: { } score } ? " (CVSS " + score.ToString("0.0", CultureInfo.InvariantCulture) + ")" : "").Append("</td>");
                        html.Append("<td").Append(span).Append('>').Append(E(ThreatModelNames.ToJson(threat.Status)));
                        if (gapText is not null)
                            html.Append("<br><span class=\"gap-label\">").Append(gapText).Append("</span>");
                        html.Append("</td>");
                    }

                    if (t == 0)
                    {
                        var span = RowSpan(group.Tests.Count);
                        html.Append("<td").Append(span).Append('>').Append(group.Control).Append("</td><td").Append(span).Append('>').Append(group.Implementation).Append("</td>");
                    }

                    html.Append("<td>").Append(test).Append("</td><td>").Append(outcome).Append("</td>");
                    if (rowNumber == 0)
                        html.Append("<td").Append(RowSpan(threatRows)).Append('>').Append(RiskCell(threat)).Append("</td>");
                    html.Append("</tr>\n");
                    rowNumber++;
                }
            }
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static string RowSpan(int rows) => rows > 1 ? " rowspan=\"" + N(rows) + "\"" : "";

    private sealed record MatrixGroup(string Control, string Implementation, bool Gap, List<(string Test, string Outcome, bool Gap)> Tests);

    private static MatrixGroup ControlGroup(ControlTrace control, bool required, TraceInputs inputs)
    {
        var controlCell = "<strong>" + E(control.Control.Id) + "</strong> " + E(control.Control.Title);
        string implementation;
        var gap = false;
        if (control.Implementations.Count > 0)
            implementation = string.Join("<br>", control.Implementations.Select(l => Location(l, inputs)));
        else if (required)
        {
            implementation = "<span class=\"gap-label\">GAP: not implemented</span>";
            gap = true;
        }
        else
            implementation = "<span class=\"muted\">not implemented</span>";

        return new MatrixGroup(controlCell, implementation, gap, TestRows(control.Verifications, required, inputs));
    }

    private static MatrixGroup DirectGroup(ThreatTrace trace, TraceInputs inputs)
    {
        var implementation = trace.DirectLinks.Count > 0
            ? string.Join("<br>", trace.DirectLinks.Select(l => Location(l, inputs)))
            : "<span class=\"gap-label\">GAP: not implemented</span>";
        var required = trace.Threat.Controls.Count == 0 && trace.Threat.Status == ThreatStatus.Mitigated;
        return new MatrixGroup("<span class=\"muted\">direct [Mitigates]</span>", implementation, trace.DirectLinks.Count == 0, TestRows(trace.Verifications, required, inputs));
    }

    private static List<(string, string, bool)> TestRows(IReadOnlyList<Verification> verifications, bool required, TraceInputs inputs)
    {
        if (verifications.Count == 0)
        {
            return new List<(string, string, bool)>
            {
                required && inputs.MissingTestAssemblies.Count == 0
                    ? ("<span class=\"gap-label\">GAP: no verifying test</span>", "", true)
                    : ("<span class=\"muted\">none</span>", "", false),
            };
        }

        return verifications.Select(v => (Location(v.Link, inputs), OutcomeCell(v, inputs), IsGap(v, inputs))).ToList();
    }

    private static string OutcomeCell(Verification verification, TraceInputs inputs) => verification.Outcome switch
    {
        VerificationOutcome.Passed => "<span class=\"ok\">passed</span>" + (verification.ResultCount > 1 ? " (" + N(verification.ResultCount) + " cases)" : ""),
        VerificationOutcome.Failed => "<span class=\"gap-label\">GAP: failed</span>",
        VerificationOutcome.NotRun => "<span class=\"gap-label\">GAP: not run</span>",
        _ => inputs.RequireTestResults ? "<span class=\"gap-label\">GAP: no results</span>" : "<span class=\"pending\">no results</span>",
    };

    private static bool IsGap(Verification verification, TraceInputs inputs)
        => verification.Outcome is VerificationOutcome.Failed or VerificationOutcome.NotRun
           || (verification.Outcome == VerificationOutcome.NoResults && inputs.RequireTestResults);

    private static string RiskCell(Threat threat)
    {
        var parts = new List<string>();
        if (threat.ResidualRisk is { } residual)
            parts.Add("Residual risk: " + E(residual));
        if (threat.Acceptance is { } acceptance)
        {
            parts.Add(E(acceptance.Rationale)
                + (acceptance.ApprovedBy is null ? "" : "<br><span class=\"muted\">approved by " + E(acceptance.ApprovedBy) + (acceptance.Date is null ? "" : ", " + E(acceptance.Date)) + "</span>"));
        }

        return string.Join("<br>", parts);
    }

    private static string Location(CodeLink link, TraceInputs inputs)
    {
        var symbol = "<code>" + E(link.Symbol) + "</code>";
        if (link.File is null)
            return symbol;
        var text = E(link.File) + (link.Line > 0 ? ":" + N(link.Line) : "");
        var build = inputs.Build;
        if (build.RepositoryUrl is { Length: > 0 } url && build.Commit is { Length: > 0 } commit && !System.IO.Path.IsPathFullyQualified(link.File))
        {
            var href = url.TrimEnd('/') + "/blob/" + commit + "/" + link.File + (link.Line > 0 ? "#L" + N(link.Line) : "");
            text = "<a href=\"" + E(href) + "\">" + text + "</a>";
        }

        return text + "<br>" + symbol;
    }

    private static void WriteFindings(StringBuilder html, IReadOnlyList<Finding> findings)
    {
        html.Append("<h2>Findings</h2>\n");
        if (findings.Count == 0)
        {
            html.Append("<p class=\"ok\">No findings.</p>\n");
            return;
        }

        html.Append("<table class=\"findings\">\n<thead><tr><th>ID</th><th>Severity</th><th>Subject</th><th>Message</th><th>Where</th></tr></thead>\n<tbody>\n");
        foreach (var finding in findings)
        {
            html.Append("<tr><td>").Append(E(finding.Id)).Append("</td><td>").Append(E(finding.Severity)).Append("</td><td>").Append(E(finding.Subject))
                .Append("</td><td>").Append(E(finding.Message)).Append("</td><td>")
                .Append(finding.DisplayFile is null ? "" : E(finding.DisplayFile) + (finding.Line > 0 ? ":" + N(finding.Line) : "")).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static void WriteInputs(StringBuilder html, TraceReport report)
    {
        var inputs = report.Inputs;
        html.Append("<h2>Inputs</h2>\n<table class=\"inputs\">\n<thead><tr><th>Input</th><th>Path</th><th>SHA-256</th></tr></thead>\n<tbody>\n");
        html.Append("<tr><td>threat model</td><td>").Append(E(inputs.ModelDisplayPath)).Append("</td><td><code>").Append(E(inputs.ModelSha256)).Append("</code></td></tr>\n");
        foreach (var artefact in inputs.Artefacts.OrderBy(a => a.DisplayPath, StringComparer.Ordinal))
        {
            html.Append("<tr><td>").Append(artefact.Role == ArtefactRole.Code ? "code assembly" : "test assembly").Append("</td><td>").Append(E(artefact.DisplayPath))
                .Append("</td><td><code>").Append(E(artefact.Sha256)).Append("</code></td></tr>\n");
        }

        foreach (var file in inputs.TestResults.Files)
        {
            html.Append("<tr><td>test results</td><td>").Append(E(TraceJsonWriter.Display(file.Path, inputs.RepositoryRoot)))
                .Append("</td><td><code>").Append(E(file.Sha256)).Append("</code></td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
