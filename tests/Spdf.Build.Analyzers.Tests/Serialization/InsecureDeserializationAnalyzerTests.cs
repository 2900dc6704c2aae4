using System.Threading.Tasks;
using Verify = Spdf.Build.Analyzers.Tests.Infrastructure.Verifier<Spdf.Build.Analyzers.Serialization.InsecureDeserializationAnalyzer, Spdf.Build.Analyzers.CodeFixes.TypeNameHandlingNoneCodeFixProvider>;

namespace Spdf.Build.Analyzers.Tests.Serialization;

public sealed class InsecureDeserializationAnalyzerTests
{
    private const string JsonNet = """

        namespace Newtonsoft.Json
        {
            public enum TypeNameHandling { None = 0, Objects = 1, Arrays = 2, All = 3, Auto = 4 }
            public class JsonSerializerSettings { public TypeNameHandling TypeNameHandling { get; set; } }
            public class JsonSerializer { public TypeNameHandling TypeNameHandling { get; set; } }
            public sealed class JsonPropertyAttribute : System.Attribute
            {
                public TypeNameHandling TypeNameHandling { get; set; }
                public TypeNameHandling ItemTypeNameHandling { get; set; }
            }
            public abstract class JsonContainerAttribute : System.Attribute { public TypeNameHandling ItemTypeNameHandling { get; set; } }
            public sealed class JsonObjectAttribute : JsonContainerAttribute { }
        }
        namespace System.Web.UI { public sealed class LosFormatter { } }
        namespace System.Web.Script.Serialization
        {
            public abstract class JavaScriptTypeResolver { }
            public class SimpleTypeResolver : JavaScriptTypeResolver { }
            public class JavaScriptSerializer
            {
                public JavaScriptSerializer() { }
                public JavaScriptSerializer(JavaScriptTypeResolver? resolver) { }
            }
        }
        """;

    [Fact]
    public Task Type_embedding_formatters_are_reported()
        => Verify.VerifyAnalyzerAsync("""
            #pragma warning disable SYSLIB0011
            using System.Runtime.Serialization.Formatters.Binary;
            using System.Web.Script.Serialization;
            class Loader
            {
                object A() => {|SPDF3010:new BinaryFormatter()|};
                object B() => {|SPDF3010:new System.Web.UI.LosFormatter()|};
                object C() => {|SPDF3010:new JavaScriptSerializer(new SimpleTypeResolver())|};
                object D() => new JavaScriptSerializer();
                object E() => new JavaScriptSerializer(null);
            }
            """ + JsonNet);

    [Fact]
    public Task TypeNameHandling_other_than_None_is_reported_on_settings_serializers_and_attributes()
        => Verify.VerifyAnalyzerAsync("""
            using Newtonsoft.Json;
            [JsonObject(ItemTypeNameHandling = {|SPDF3010:TypeNameHandling.Auto|})]
            class Message
            {
                [JsonProperty(TypeNameHandling = {|SPDF3010:TypeNameHandling.All|})]
                public object? Payload { get; set; }

                [JsonProperty(TypeNameHandling = TypeNameHandling.None)]
                public object? Safe { get; set; }

                static JsonSerializerSettings Settings() => new() { TypeNameHandling = {|SPDF3010:TypeNameHandling.Objects|} };
                static JsonSerializerSettings SafeSettings() => new() { TypeNameHandling = TypeNameHandling.None };
                static void Configure(JsonSerializer serializer, TypeNameHandling configured)
                {
                    serializer.TypeNameHandling = {|SPDF3010:configured|};
                    serializer.TypeNameHandling = TypeNameHandling.None;
                }
            }
            """ + JsonNet);

    [Fact]
    public Task Code_fix_sets_TypeNameHandling_None()
        => Verify.VerifyCodeFixAsync(
            """
            using Newtonsoft.Json;
            class Message
            {
                [JsonProperty(TypeNameHandling = {|SPDF3010:TypeNameHandling.All|})]
                public object? Payload { get; set; }
                static JsonSerializerSettings Settings() => new() { TypeNameHandling = {|SPDF3010:TypeNameHandling.Auto|} };
            }
            """ + JsonNet,
            """
            using Newtonsoft.Json;
            class Message
            {
                [JsonProperty(TypeNameHandling = TypeNameHandling.None)]
                public object? Payload { get; set; }
                static JsonSerializerSettings Settings() => new() { TypeNameHandling = TypeNameHandling.None };
            }
            """ + JsonNet);

    [Fact]
    public Task Contract_bound_serializers_are_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.Runtime.Serialization;
            using System.Text.Json;
            using System.Xml.Serialization;
            class Loader
            {
                record Dose(string Drug, decimal Rate);
                object? A(string json) => JsonSerializer.Deserialize<Dose>(json);
                object B() => new XmlSerializer(typeof(Dose));
                object C() => new DataContractSerializer(typeof(Dose));
            }
            """);

    [Fact]
    public Task Members_on_the_editorconfig_allow_list_are_not_reported()
        => Verify.VerifyAnalyzerAsync(
            """
            #pragma warning disable SYSLIB0011
            using System.Runtime.Serialization.Formatters.Binary;
            namespace Legacy
            {
                class StateCache
                {
                    object Read() => new BinaryFormatter();
                }
                class Other
                {
                    object Read() => {|SPDF3010:new BinaryFormatter()|};
                }
            }
            """ + JsonNet,
            "spdf.SPDF3010.allowed_symbols = Legacy.StateCache\n");
}
