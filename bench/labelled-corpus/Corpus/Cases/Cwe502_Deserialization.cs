using System;
using System.IO;
using System.Runtime.Serialization;
using System.Runtime.Serialization.Formatters.Binary;
using System.Xml.Serialization;
using Newtonsoft.Json;
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Cwe502
{
    // CASE: id=502-b01, cwe=502, expect=BAD, form=BinaryFormatter.Deserialize(stream)
    public class B01 { public object Run(Stream s) => new BinaryFormatter().Deserialize(s); }

    // CASE: id=502-b02, cwe=502, expect=BAD, form=JsonSerializerSettings TypeNameHandling.All
    public class B02 { public object Run(string json) => JsonConvert.DeserializeObject(json, new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.All }); }

    // CASE: id=502-b03, cwe=502, expect=BAD, form=JsonSerializer instance TypeNameHandling = Auto
    public class B03 { public object Run(TextReader r) { var js = new JsonSerializer(); js.TypeNameHandling = TypeNameHandling.Auto; return js.Deserialize(r, typeof(object)); } }

    // CASE: id=502-b04, cwe=502, expect=BAD, form=[JsonProperty(TypeNameHandling = Objects)] attribute
    public class B04 { [JsonProperty(TypeNameHandling = TypeNameHandling.Objects)] public object Payload { get; set; } public static B04 Parse(string j) => JsonConvert.DeserializeObject<B04>(j); }

    // CASE: id=502-b05, cwe=502, expect=BAD, form=XmlSerializer with type named by serial input
    public class B05 { public object Run(Stream s, System.IO.Ports.SerialPort port) { var t = Type.GetType(port.ReadLine()); return new XmlSerializer(t).Deserialize(s); } }

    // CASE: id=502-b06, cwe=502, expect=BAD, form=BinaryFormatter field target-typed new
    public class B06 { private readonly BinaryFormatter _f = new(); public object Run(byte[] d) => _f.Deserialize(new MemoryStream(d)); }

    // CASE: id=502-b07, cwe=502, expect=BAD, form=static settings field TypeNameHandling.Objects
    public class B07 { private static readonly JsonSerializerSettings Settings = new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.Objects }; public T Run<T>(string j) => JsonConvert.DeserializeObject<T>(j, Settings); }

    // CASE: id=502-b08, cwe=502, expect=BAD, form=controller body string into BinaryFormatter
    public class B08Controller : Controller { public IActionResult Post(string data) { var o = new BinaryFormatter().Deserialize(new MemoryStream(Convert.FromBase64String(data))); return Ok(o); } }

    // CASE: id=502-b09, cwe=502, expect=BAD, form=DataContractSerializer with type from Console.ReadLine
    public class B09 { public object Run(Stream s) { var t = Type.GetType(Console.ReadLine()); return new DataContractSerializer(t).ReadObject(s); } }

    // CASE: id=502-g01, cwe=502, expect=GOOD, form=System.Text.Json typed
    public class G01 { public Dto Run(string j) => System.Text.Json.JsonSerializer.Deserialize<Dto>(j); public class Dto { public int Rate { get; set; } } }

    // CASE: id=502-g02, cwe=502, expect=GOOD, form=Json.NET default settings typed
    public class G02 { public G02Dto Run(string j) => JsonConvert.DeserializeObject<G02Dto>(j); public class G02Dto { public string Name { get; set; } } }

    // CASE: id=502-g03, cwe=502, expect=GOOD, form=TypeNameHandling.None explicit
    public class G03 { public object Run(string j) => JsonConvert.DeserializeObject(j, new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.None }); }

    // CASE: id=502-g04, cwe=502, expect=GOOD, form=XmlSerializer(typeof(Dto))
    public class G04 { public object Run(Stream s) => new XmlSerializer(typeof(G04Dto)).Deserialize(s); public class G04Dto { public int A { get; set; } } }

    // CASE: id=502-g05, cwe=502, expect=GOOD, form=DataContractSerializer(typeof(Dto))
    public class G05 { public object Run(Stream s) => new DataContractSerializer(typeof(G05Dto)).ReadObject(s); [DataContract] public class G05Dto { [DataMember] public int A { get; set; } } }

    // CASE: id=502-g06, cwe=502, expect=GOOD, form=BinaryFormatter mentioned in string only
    public class G06 { public string Note => "BinaryFormatter is not used"; }
}
