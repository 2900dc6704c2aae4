using System.Threading.Tasks;
using Verify = Spdf.Build.Analyzers.Tests.Infrastructure.Verifier<Spdf.Build.Analyzers.Archives.OverwritingArchiveExtractionAnalyzer>;

namespace Spdf.Build.Analyzers.Tests.Archives;

public sealed class OverwritingArchiveExtractionAnalyzerTests
{
    [Fact]
    public Task Whole_archive_extraction_that_overwrites_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;
            using System.IO.Compression;
            using System.Formats.Tar;
            using System.Text;
            using System.Threading.Tasks;
            class Updater
            {
                void Apply(string uploadedZip, bool replace)
                {
                    {|SPDF3020:ZipFile.ExtractToDirectory(uploadedZip, "/var/pump/updates", overwriteFiles: true)|};
                    {|SPDF3020:ZipFile.ExtractToDirectory(uploadedZip, "/var/pump/updates", Encoding.UTF8, true)|};
                    using var archive = ZipFile.OpenRead(uploadedZip);
                    {|SPDF3020:archive.ExtractToDirectory("/opt/pump", replace)|};
                    {|SPDF3020:TarFile.ExtractToDirectory("/tmp/bundle.tar", "/opt/pump", overwriteFiles: true)|};
                }

                Task ApplyAsync(Stream bundle)
                    => {|SPDF3020:TarFile.ExtractToDirectoryAsync(bundle, "/opt/pump", true)|};
            }
            """);

    [Fact]
    public Task Extraction_without_overwrite_and_other_calls_are_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO.Compression;
            using System.Formats.Tar;
            class Resources
            {
                void Unpack(string path)
                {
                    ZipFile.ExtractToDirectory("/opt/pump/resources.zip", "/var/pump/res");
                    ZipFile.ExtractToDirectory(path, "/var/pump/staging", overwriteFiles: false);
                    TarFile.ExtractToDirectory(path, "/var/pump/staging", false);
                    using var archive = ZipFile.OpenRead(path);
                    archive.ExtractToDirectory("/var/pump/staging");
                    foreach (var entry in archive.Entries)
                        entry.ExtractToFile("/var/pump/staging/" + System.IO.Path.GetFileName(entry.FullName), overwrite: true);
                }
            }
            """);

    [Fact]
    public Task Allow_listed_members_are_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO.Compression;
            namespace Contoso.Pump.Update
            {
                class BundledResources
                {
                    void Unpack() => ZipFile.ExtractToDirectory("/opt/pump/resources.zip", "/var/pump/res", overwriteFiles: true);
                }
            }
            """,
            "spdf.SPDF3020.allowed_symbols = Contoso.Pump.Update.BundledResources\n");
}
