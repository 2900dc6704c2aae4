using System;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;
using System.Security.Cryptography;

namespace Corpus.Cwe494
{
    // CASE: id=494-b01, cwe=494, expect=BAD, form=Assembly.LoadFrom(plugin path)
    public class B01 { public Assembly Run(string pluginPath) => Assembly.LoadFrom(pluginPath); }

    // CASE: id=494-b02, cwe=494, expect=BAD, form=Assembly.Load(byte[]) downloaded
    public class B02 { public Assembly Run(byte[] downloaded) => Assembly.Load(downloaded); }

    // CASE: id=494-b03, cwe=494, expect=BAD, form=AssemblyLoadContext.Default.LoadFromAssemblyPath(/tmp path)
    public class B03 { public Assembly Run() => AssemblyLoadContext.Default.LoadFromAssemblyPath("/tmp/updates/Pump.Plugin.dll"); }

    // CASE: id=494-b04, cwe=494, expect=BAD, form=Assembly.LoadFile in async method after download
    public class B04 { public async System.Threading.Tasks.Task<Assembly> Run(System.Net.Http.HttpClient c) { var bytes = await c.GetByteArrayAsync("https://updates.example.com/p.dll"); var path = Path.Combine(Path.GetTempPath(), "p.dll"); await File.WriteAllBytesAsync(path, bytes); return Assembly.LoadFile(path); } }

    // CASE: id=494-b05, cwe=494, expect=BAD, form=new AssemblyLoadContext LoadFromStream
    public class B05 { public Assembly Run(Stream s) { var ctx = new AssemblyLoadContext("plugins", true); return ctx.LoadFromStream(s); } }

    // CASE: id=494-g01, cwe=494, expect=GOOD, form=hash verified with FixedTimeEquals before Assembly.Load(bytes)
    public class G01 { private static readonly byte[] Expected = Convert.FromHexString("9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08"); public Assembly Run(byte[] bytes) { if (!CryptographicOperations.FixedTimeEquals(SHA256.HashData(bytes), Expected)) throw new InvalidDataException(); return Assembly.Load(bytes); } }

    // CASE: id=494-g02, cwe=494, expect=GOOD, form=signature verified before LoadFromAssemblyPath
    public class G02 { public Assembly Run(RSA vendorKey, string path, byte[] sig) { var bytes = File.ReadAllBytes(path); if (!vendorKey.VerifyData(bytes, sig, HashAlgorithmName.SHA256, RSASignaturePadding.Pss)) throw new InvalidDataException(); return AssemblyLoadContext.Default.LoadFromStream(new MemoryStream(bytes)); } }

    // CASE: id=494-g03, cwe=494, expect=GOOD, form=Assembly.Load(AssemblyName) of a known reference
    public class G03 { public Assembly Run() => Assembly.Load(new AssemblyName("System.Text.Json")); }

    // CASE: id=494-g04, cwe=494, expect=GOOD, form=typeof(x).Assembly
    public class G04 { public Assembly Run() => typeof(G04).Assembly; }
}
