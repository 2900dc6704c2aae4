using System;
using System.IO;
using System.Linq;
using Spdf.Build.Core;
using Spdf.Build.Core.Traceability;

namespace Spdf.Build.Tasks.Tests.Traceability;

public sealed class ThreatModelImportTests
{
    [Fact]
    public void Threat_Dragon_demo_imports_with_the_counts_its_README_states()
    {
        var (model, format) = ThreatModelLoader.Load(TraceabilityTestData.ThreatDragonSample);

        Assert.Equal(ThreatModelFormat.ThreatDragon, format);
        Assert.Equal(14, model.Threats.Count);
        Assert.Equal(10, model.Threats.Count(t => t.Status == ThreatStatus.Open));
        Assert.Equal(4, model.Threats.Count(t => t.Status == ThreatStatus.Mitigated));
        Assert.Equal(Enumerable.Range(1, 14).Select(i => $"TM-{i:D3}"), model.Threats.Select(t => t.Id));
        Assert.All(model.Threats, t => Assert.Equal(ThreatDragonImporter.ToolName, t.External!.Tool));
        Assert.Contains(model.Threats, t => t.External!.Id == "21fc4b20-ca29-4891-9691-d8f0331b2a11");
        Assert.Equal("Demo Threat Model", model.System.Name);
        Assert.All(model.Threats.Where(t => t.Status == ThreatStatus.Mitigated), t => Assert.NotEmpty(t.Controls));
    }

    [Fact]
    public void Threat_Dragon_import_accepts_threatId_and_lenient_severity()
    {
        using var folder = new TemporaryFolder();
        var path = folder.Write("model.json", """
            { "summary": { "title": "T" }, "detail": { "diagrams": [ { "cells": [
              { "data": { "type": "tm.Process", "name": "P", "threats": [
                { "threatId": "abc", "title": "X", "status": "NA", "severity": "TBA", "type": "Spoofing" } ] } } ] } ] } }
            """);

        var threat = Assert.Single(ThreatModelLoader.Load(path).Model.Threats);

        Assert.Equal("abc", threat.External!.Id);
        Assert.Equal("unknown", threat.Severity);
        Assert.Equal(ThreatStatus.NotApplicable, threat.Status);
        Assert.Equal("spoofing", threat.Category);
    }

    [Fact]
    public void Threat_Modeling_Tool_sample_imports_43_open_threats()
    {
        var (model, format) = ThreatModelLoader.Load(TraceabilityTestData.ThreatModelingToolSample);

        Assert.Equal(ThreatModelFormat.ThreatModelingTool, format);
        Assert.Equal(43, model.Threats.Count);
        Assert.All(model.Threats, t => Assert.Equal(ThreatStatus.Open, t.Status));
        Assert.All(model.Threats, t => Assert.Equal(ThreatModelingToolImporter.ToolName, t.External!.Tool));
        Assert.Equal(43, model.Threats.Select(t => t.External!.Id).Distinct().Count());
        Assert.Contains(model.Threats, t => t.External!.Id == "55 (TH153)" && t.Category == "elevation-of-privilege" && t.Severity == "high");
        Assert.NotEmpty(model.Assets);
    }

    [Fact]
    public void Imported_model_round_trips_through_our_format()
    {
        var (imported, _) = ThreatModelLoader.Load(TraceabilityTestData.ThreatDragonSample);
        var bytes = ThreatModelWriter.Write(imported);

        var reread = SpdfThreatModelReader.Read(bytes, "imported.spdf.json");

        Assert.Equal(imported.Threats.Select(t => (t.Id, t.Status, t.Title, t.External)), reread.Threats.Select(t => (t.Id, t.Status, t.Title, t.External)));
        Assert.Equal(bytes, ThreatModelWriter.Write(reread));
    }

    [Fact]
    public void Broken_Threat_Dragon_json_names_file_and_line()
    {
        using var folder = new TemporaryFolder();
        var path = folder.Write("broken.json", "{\n  \"detail\": {\n    \"diagrams\": [ { \"cells\": [ }\n  }\n}\n");

        var error = Assert.Throws<SpdfException>(() => ThreatModelLoader.Load(path));

        Assert.Equal(DiagnosticIds.ThreatModelMalformed, error.DiagnosticId);
        Assert.Equal(path, error.File);
        Assert.Equal(3, error.Line);
        Assert.True(error.Column > 1);
    }

    [Fact]
    public void Broken_tm7_xml_names_file_and_line()
    {
        using var folder = new TemporaryFolder();
        var path = folder.Write("broken.tm7", "<ThreatModel xmlns=\"http://schemas.datacontract.org/2004/07/ThreatModeling.Model\">\n<ThreatInstances>\n</ThreatModel>");

        var error = Assert.Throws<SpdfException>(() => ThreatModelLoader.Load(path));

        Assert.Equal(DiagnosticIds.ThreatModelMalformed, error.DiagnosticId);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void Tm7_threat_without_state_names_its_line()
    {
        using var folder = new TemporaryFolder();
        var path = folder.Write("no-state.tm7", """
            <ThreatModel xmlns="http://schemas.datacontract.org/2004/07/ThreatModeling.Model" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">
            <ThreatInstances xmlns:a="http://schemas.microsoft.com/2003/10/Serialization/Arrays">
            <a:KeyValueOfstringThreatpc_P0_PhOB><a:Key>k</a:Key>
            <a:Value xmlns:b="http://schemas.datacontract.org/2004/07/ThreatModeling.KnowledgeBase"><b:Id>1</b:Id></a:Value>
            </a:KeyValueOfstringThreatpc_P0_PhOB>
            </ThreatInstances>
            </ThreatModel>
            """);

        var error = Assert.Throws<SpdfException>(() => ThreatModelLoader.Load(path));

        Assert.Equal(DiagnosticIds.ThreatModelMalformed, error.DiagnosticId);
        Assert.Equal(4, error.Line);
        Assert.Contains("State", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unsupported_extension_is_refused()
    {
        using var folder = new TemporaryFolder();
        var path = folder.Write("model.yaml", "threats: []");

        Assert.Equal(DiagnosticIds.ThreatModelUnsupportedFormat, Assert.Throws<SpdfException>(() => ThreatModelLoader.Load(path)).DiagnosticId);
    }

    [Fact]
    public void Missing_file_is_SPDF0010()
        => Assert.Equal(DiagnosticIds.ThreatModelNotFound, Assert.Throws<SpdfException>(() => ThreatModelLoader.Load(Path.Combine(Path.GetTempPath(), "no-such-model.spdf.json"))).DiagnosticId);
}
