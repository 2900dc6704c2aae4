using System.IO;
using Spdf.Build.Core;

namespace Spdf.Build.Tasks.Tests;

public sealed class AtomicFileTests
{
    [Fact]
    public void Writes_the_content_and_leaves_no_temporary_file()
    {
        var folder = Directory.CreateTempSubdirectory("spdf-atomic-").FullName;
        try
        {
            var path = Path.Combine(folder, "sub", "out.json");
            AtomicFile.WriteAllText(path, "first");
            AtomicFile.WriteAllText(path, "second");
            Assert.Equal("second", File.ReadAllText(path));
            Assert.Single(Directory.GetFiles(Path.Combine(folder, "sub")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
