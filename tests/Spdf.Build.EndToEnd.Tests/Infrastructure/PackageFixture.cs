using System.IO;
using System.Linq;

namespace Spdf.Build.EndToEnd.Tests.Infrastructure;

/// <summary>Packs Spdf.Build once into a temporary feed for every test that consumes the real package.</summary>
public sealed class PackageFixture : System.IDisposable
{
    public PackageFixture()
    {
        Feed = new TemporaryDirectory("spdf-feed-");
        PackResult = DotNet.Run(RepositoryPaths.Root, "pack", "msbuild-tasks/Spdf.Build/Spdf.Build.csproj", "-c", "Release", "-o", Feed.Path).AssertSuccess();
        PackagePath = Directory.GetFiles(Feed.Path, "Spdf.Build.*.nupkg").Single();
        Version = Path.GetFileNameWithoutExtension(PackagePath)["Spdf.Build.".Length..];
    }

    public TemporaryDirectory Feed { get; }

    public CommandResult PackResult { get; }

    public string PackagePath { get; }

    public string Version { get; }

    public void Dispose() => Feed.Dispose();
}
