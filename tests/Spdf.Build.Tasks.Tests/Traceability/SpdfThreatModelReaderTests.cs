using System;
using System.Linq;
using System.Text;
using Spdf.Build.Core;
using Spdf.Build.Core.Traceability;

namespace Spdf.Build.Tasks.Tests.Traceability;

public sealed class SpdfThreatModelReaderTests
{
    private const string Valid = """
        // comments are allowed
        {
          "schemaVersion": "1.0",
          "system": { "name": "Pump" },
          "assets": [ { "id": "AS-001", "name": "Channel" }, ],
          "threats": [
            { "id": "TM-001", "title": "Bolus", "category": "spoofing", "assets": ["AS-001"], "severity": "high", "status": "mitigated", "controls": ["SC-001"] },
          ],
          "controls": [ { "id": "SC-001", "title": "Auth", "requirement": "HMAC", "type": "preventive" } ],
        }
        """;

    private static SpdfException ReadError(string json)
        => Assert.Throws<SpdfException>(() => SpdfThreatModelReader.Read(Encoding.UTF8.GetBytes(json), "m.spdf.json"));

    [Fact]
    public void Comments_and_trailing_commas_are_accepted()
    {
        var model = SpdfThreatModelReader.Read(Encoding.UTF8.GetBytes(Valid), "m.spdf.json");

        var threat = Assert.Single(model.Threats);
        Assert.Equal(("TM-001", ThreatStatus.Mitigated, 7), (threat.Id, threat.Status, threat.Line));
        Assert.Equal(new[] { "SC-001" }, threat.Controls);
    }

    [Fact]
    public void Sample_device_threat_model_is_valid()
    {
        var (model, format) = ThreatModelLoader.Load(TraceabilityTestData.SampleThreatModel);

        Assert.Equal(ThreatModelFormat.Spdf, format);
        Assert.True(model.Threats.Count >= 12);
        Assert.DoesNotContain(model.Threats, t => t.Status == ThreatStatus.Open);
    }

    [Fact]
    public void Unknown_schema_version_is_SPDF5202_at_its_line()
    {
        var error = ReadError(Valid.Replace("\"1.0\"", "\"2.0\"", StringComparison.Ordinal));

        Assert.Equal((DiagnosticIds.ThreatModelUnknownSchemaVersion, 3), (error.DiagnosticId, error.Line));
    }

    [Fact]
    public void Broken_json_is_SPDF5201_with_line_and_column()
    {
        var error = ReadError(Valid.Replace("\"title\": \"Bolus\",", "\"title\": \"Bolus\"", StringComparison.Ordinal));

        Assert.Equal((DiagnosticIds.ThreatModelMalformed, 7), (error.DiagnosticId, error.Line));
        Assert.True(error.Column > 1);
    }

    [Fact]
    public void Duplicate_id_is_SPDF5203_at_the_second_definition()
    {
        var error = ReadError(Valid.Replace("\"controls\": [ {", "\"controls\": [ { \"id\": \"SC-001\", \"title\": \"A\", \"requirement\": \"B\", \"type\": \"other\" },\n {", StringComparison.Ordinal));

        Assert.Equal((DiagnosticIds.ThreatModelDuplicateId, 10), (error.DiagnosticId, error.Line));
        Assert.Contains("first at line 9", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"controls\": [\"SC-001\"]", "\"controls\": [\"SC-002\"]")]
    [InlineData("\"assets\": [\"AS-001\"]", "\"assets\": [\"SC-001\"]")]
    [InlineData("\"id\": \"TM-001\"", "\"id\": \"TM-1a\"")]
    public void Malformed_or_dangling_ids_are_SPDF5204(string from, string to)
        => Assert.Equal((DiagnosticIds.ThreatModelInvalidId, 7), (ReadError(Valid.Replace(from, to, StringComparison.Ordinal)).DiagnosticId, ReadError(Valid.Replace(from, to, StringComparison.Ordinal)).Line));

    [Theory]
    [InlineData("\"status\": \"mitigated\"", "\"status\": \"done\"")]
    [InlineData("\"severity\": \"high\"", "\"severity\": \"urgent\"")]
    [InlineData("\"status\": \"mitigated\"", "\"statsu\": \"mitigated\"")]
    [InlineData("\"title\": \"Bolus\",", "")]
    public void Invalid_fields_are_SPDF5201_at_their_line(string from, string to)
    {
        var error = ReadError(Valid.Replace(from, to, StringComparison.Ordinal));

        Assert.Equal((DiagnosticIds.ThreatModelMalformed, 7), (error.DiagnosticId, error.Line));
    }

    [Fact]
    public void Custom_prefixes_apply_to_ids()
    {
        var json = Valid.Replace("\"system\"", "\"idPrefixes\": { \"threat\": \"THR\" },\n  \"system\"", StringComparison.Ordinal).Replace("TM-001", "THR-001", StringComparison.Ordinal);

        var model = SpdfThreatModelReader.Read(Encoding.UTF8.GetBytes(json), "m.spdf.json");

        Assert.Equal("THR-001", model.Threats.Single().Id);
        Assert.Equal(IdKind.Threat, model.Prefixes.KindOf("THR-001"));
        Assert.Null(model.Prefixes.KindOf("TM-001"));
    }
}
