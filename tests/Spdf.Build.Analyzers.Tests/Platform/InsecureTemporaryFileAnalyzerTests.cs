using System.Threading.Tasks;
using Verify = Spdf.Build.Analyzers.Tests.Infrastructure.Verifier<Spdf.Build.Analyzers.Platform.InsecureTemporaryFileAnalyzer>;

namespace Spdf.Build.Analyzers.Tests.Platform;

public sealed class InsecureTemporaryFileAnalyzerTests
{
    [Fact]
    public async Task Temp_file_names_and_world_writable_modes_are_reported()
    {
        const string source = """
            #pragma warning disable CA1416
            using System;
            using System.IO;
            using static System.IO.Path;
            class C
            {
                private readonly string _scratch = {|SPDF2006:Path.GetTempFileName()|};
                private const UnixFileMode Shared = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherWrite;

                void M(string path, FileInfo info)
                {
                    var temp = {|SPDF2006:GetTempFileName()|};
                    File.SetUnixFileMode(path, {|SPDF2006:UnixFileMode.UserRead | UnixFileMode.OtherRead | UnixFileMode.OtherWrite|});
                    File.SetUnixFileMode(path, {|SPDF2006:Shared|});
                    Directory.CreateDirectory(path, {|SPDF2006:(UnixFileMode)0x1FF|});
                    info.UnixFileMode = {|SPDF2006:UnixFileMode.OtherWrite|};
                    var options = new FileStreamOptions { UnixCreateMode = {|SPDF2006:Shared|}, Mode = FileMode.CreateNew, Access = FileAccess.Write };
                    Func<string> later = () => {|SPDF2006:Path.GetTempFileName()|};
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Private_temp_files_and_owner_only_modes_are_not_reported()
    {
        const string source = """
            #pragma warning disable CA1416
            using System.IO;
            class C
            {
                void M(string directory, string path, UnixFileMode configured)
                {
                    var name = Path.Combine(directory, Path.GetRandomFileName());
                    using var stream = new FileStream(name, FileMode.CreateNew);
                    var tempDirectory = Path.GetTempPath();
                    File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                    File.SetUnixFileMode(path, configured);
                    var readable = UnixFileMode.OtherRead;
                    bool isShared = (File.GetUnixFileMode(path) & UnixFileMode.OtherWrite) != 0;
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }
}
