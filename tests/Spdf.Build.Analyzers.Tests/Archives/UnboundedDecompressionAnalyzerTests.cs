using System.Threading.Tasks;
using Verify = Spdf.Build.Analyzers.Tests.Infrastructure.Verifier<Spdf.Build.Analyzers.Archives.UnboundedDecompressionAnalyzer>;

namespace Spdf.Build.Analyzers.Tests.Archives;

public sealed class UnboundedDecompressionAnalyzerTests
{
    [Fact]
    public Task Copying_or_reading_a_decompression_stream_to_the_end_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;
            using System.IO.Compression;
            using System.Threading.Tasks;
            class Unpacker
            {
                void Copy(Stream input, Stream output)
                {
                    using var gzip = new GZipStream(input, CompressionMode.Decompress);
                    {|SPDF3013:gzip.CopyTo(output)|};
                }

                Task CopyAsync(Stream input, Stream output)
                    => {|SPDF3013:new BrotliStream(input, CompressionMode.Decompress).CopyToAsync(output)|};

                string Text(Stream input)
                {
                    var reader = new StreamReader(new DeflateStream(input, CompressionMode.Decompress));
                    return {|SPDF3013:reader.ReadToEnd()|};
                }
            }
            """);

    [Fact]
    public Task Compression_and_bounded_reads_are_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;
            using System.IO.Compression;
            class Packer
            {
                void Compress(Stream input, Stream output)
                {
                    using var gzip = new GZipStream(output, CompressionLevel.Optimal);
                    input.CopyTo(gzip);
                    using var zlib = new ZLibStream(output, CompressionMode.Compress);
                    input.CopyTo(zlib);
                }

                byte[] Bounded(Stream input, int limit)
                {
                    using var gzip = new GZipStream(input, CompressionMode.Decompress);
                    var buffer = new byte[limit];
                    var total = 0;
                    int read;
                    while (total < limit && (read = gzip.Read(buffer, total, limit - total)) > 0)
                        total += read;
                    return buffer[..total];
                }
            }
            """);
}
