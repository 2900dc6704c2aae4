using System;
using System.IO;
using System.IO.Compression;
using System.Threading.Tasks;

namespace Corpus.Cwe409
{
    // CASE: id=409-b01, cwe=409, expect=BAD, form=GZipStream CopyTo without limit
    public class B01 { public void Run(Stream input, Stream output) { using var gz = new GZipStream(input, CompressionMode.Decompress); gz.CopyTo(output); } }

    // CASE: id=409-b02, cwe=409, expect=BAD, form=DeflateStream CopyToAsync without limit
    public class B02 { public async Task Run(Stream input, Stream output) { await using var d = new DeflateStream(input, CompressionMode.Decompress); await d.CopyToAsync(output); } }

    // CASE: id=409-b03, cwe=409, expect=BAD, form=BrotliStream into MemoryStream ToArray
    public class B03 { public byte[] Run(byte[] data) { using var b = new BrotliStream(new MemoryStream(data), CompressionMode.Decompress); var ms = new MemoryStream(); b.CopyTo(ms); return ms.ToArray(); } }

    // CASE: id=409-b04, cwe=409, expect=BAD, form=ZipFile.ExtractToDirectory overwrite on input archive
    public class B04 { public void Run(string uploadedZip) { ZipFile.ExtractToDirectory(uploadedZip, "/var/pump/updates", overwriteFiles: true); } }

    // CASE: id=409-b05, cwe=409, expect=BAD, form=GZipStream StreamReader ReadToEnd
    public class B05 { public string Run(Stream input) { using var r = new StreamReader(new GZipStream(input, CompressionMode.Decompress)); return r.ReadToEnd(); } }

    // CASE: id=409-g01, cwe=409, expect=GOOD, form=bounded read loop with max size
    public class G01 { private const long Max = 16 * 1024 * 1024; public void Run(Stream input, Stream output) { using var gz = new GZipStream(input, CompressionMode.Decompress); var buf = new byte[81920]; long total = 0; int n; while ((n = gz.Read(buf, 0, buf.Length)) > 0) { total += n; if (total > Max) throw new InvalidDataException("too large"); output.Write(buf, 0, n); } } }

    // CASE: id=409-g02, cwe=409, expect=GOOD, form=GZipStream compress (not decompress)
    public class G02 { public void Run(Stream input, Stream output) { using var gz = new GZipStream(output, CompressionLevel.Optimal); input.CopyTo(gz); } }

    // CASE: id=409-g03, cwe=409, expect=GOOD, form=zip entry Length checked before extraction
    public class G03 { public void Run(ZipArchive z, string dir) { foreach (var e in z.Entries) { if (e.Length > 1_000_000) throw new InvalidDataException(); e.ExtractToFile(Path.Combine(dir, Path.GetFileName(e.FullName)), false); } } }

    // CASE: id=409-g04, cwe=409, expect=GOOD, form=ExtractToDirectory without overwrite of a bundled constant archive
    public class G04 { public void Run() { ZipFile.ExtractToDirectory("/opt/pump/resources.zip", "/var/pump/res"); } }
}
