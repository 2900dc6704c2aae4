using Spdf.Build.Analyzers.Serialization;

namespace Spdf.Build.Analyzers.InputHandling.Sinks;

/// <summary>SPDF3010, tainted form: a serializer constructed for a type that device input chose.</summary>
internal static class DeserializationTypeSink
{
    public static readonly TaintSinkDefinition Definition = new(
        InsecureDeserializationAnalyzer.Rule,
        TaintFlags.DeserializationType,
        "the type a serializer creates",
        SinkMember.Constructor("System.Xml.Serialization.XmlSerializer", "type"),
        SinkMember.Constructor("System.Runtime.Serialization.DataContractSerializer", "type"),
        SinkMember.Constructor("System.Runtime.Serialization.Json.DataContractJsonSerializer", "type"),
        SinkMember.Methods("System.Text.Json.JsonSerializer", new[] { "Deserialize", "DeserializeAsync" }, "returnType"),
        SinkMember.Methods("Newtonsoft.Json.JsonConvert", new[] { "DeserializeObject" }, "type"));
}
