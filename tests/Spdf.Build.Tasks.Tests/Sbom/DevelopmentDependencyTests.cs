using System.Linq;

namespace Spdf.Build.Tasks.Tests.Sbom;

public sealed class DevelopmentDependencyTests
{
    // A SourceLink-like setup: a PrivateAssets=all, build-only package whose dependency has build assets only,
    // next to a runtime package.
    private static GeneratedRestore SourceLinkLike()
    {
        var restore = new GeneratedRestore();
        restore.AddPackage("Runtime.Lib", "2.0.0", dependencies: new[] { "Shared.Lib" })
            .AddPackage("Shared.Lib", "1.0.0")
            .AddPackage("Microsoft.SourceLink.GitHub", "8.0.0", dependencies: new[] { "Microsoft.SourceLink.Common", "Shared.Lib" }, buildOnly: true, developmentDependency: true, authors: "Microsoft")
            .AddPackage("Microsoft.SourceLink.Common", "8.0.0", buildOnly: true, developmentDependency: true, authors: "Microsoft")
            .AddPackage("Roslynator.Analyzers", "4.12.0", buildOnly: true)
            .AddDirect("Runtime.Lib")
            .AddDirect("Microsoft.SourceLink.GitHub", privateAssetsAll: true)
            .AddDirect("Roslynator.Analyzers", privateAssetsAll: true)
            .Write();
        return restore;
    }

    [Fact]
    public void Development_only_packages_and_what_only_they_reach_are_left_out()
    {
        using var restore = SourceLinkLike();
        var (sbom, _, _, _) = SbomAssert.BuildValid(restore.Request());
        var nuget = SbomAssert.ComponentRefs(sbom).Where(r => r.StartsWith("pkg:nuget/")).ToArray();
        Assert.Equal(new[] { "pkg:nuget/Runtime.Lib@2.0.0", "pkg:nuget/Shared.Lib@1.0.0" }, nuget);
        // Shared.Lib is reachable through SourceLink too, but ships because the runtime package needs it.
        Assert.Equal(new[] { "pkg:nuget/Shared.Lib@1.0.0" }, SbomAssert.DependsOn(sbom, "pkg:nuget/Runtime.Lib@2.0.0"));
        Assert.Equal(
            new[] { "pkg:generic/microsoft/Microsoft.NETCore.App@10.0.12", "pkg:nuget/Runtime.Lib@2.0.0" },
            SbomAssert.DependsOn(sbom, "pkg:nuget/Contoso.App@1.2.3"));
    }

    [Fact]
    public void On_request_development_only_packages_are_listed_with_scope_excluded()
    {
        using var restore = SourceLinkLike();
        var (sbom, _, _, findings) = SbomAssert.BuildValid(restore.Request(o => o.IncludeDevelopmentDependencies = true));
        Assert.Equal("excluded", (string?)SbomAssert.Component(sbom, "pkg:nuget/Microsoft.SourceLink.GitHub@8.0.0")["scope"]);
        Assert.Equal("excluded", (string?)SbomAssert.Component(sbom, "pkg:nuget/Microsoft.SourceLink.Common@8.0.0")["scope"]);
        Assert.Equal("excluded", (string?)SbomAssert.Component(sbom, "pkg:nuget/Roslynator.Analyzers@4.12.0")["scope"]);
        Assert.Null(SbomAssert.Component(sbom, "pkg:nuget/Runtime.Lib@2.0.0")["scope"]);
        Assert.Equal(new[] { "not in the output (development-only)" }, SbomAssert.Property(SbomAssert.Component(sbom, "pkg:nuget/Roslynator.Analyzers@4.12.0"), "spdf:fda:asset"));
        // Excluded components raise no support findings: they do not ship.
        Assert.DoesNotContain(findings, f => f.Message.Contains("Roslynator", System.StringComparison.Ordinal));
    }

    [Fact]
    public void PrivateAssets_all_package_that_puts_files_in_the_output_ships()
    {
        using var restore = new GeneratedRestore();
        restore.AddPackage("Embedded.Lib", "1.0.0").AddDirect("Embedded.Lib", privateAssetsAll: true).Write();
        var (sbom, _, _, _) = SbomAssert.BuildValid(restore.Request());
        Assert.Equal(new[] { "Embedded.Lib.dll" }, SbomAssert.Property(SbomAssert.Component(sbom, "pkg:nuget/Embedded.Lib@1.0.0"), "spdf:fda:asset"));
    }

    [Fact]
    public void Package_referenced_with_runtime_assets_excluded_does_not_ship()
    {
        using var restore = new GeneratedRestore();
        restore.AddPackage("Compile.Only", "1.0.0").AddDirect("Compile.Only", excludeRuntime: true).Write();
        var (sbom, _, _, _) = SbomAssert.BuildValid(restore.Request());
        Assert.DoesNotContain("pkg:nuget/Compile.Only@1.0.0", SbomAssert.ComponentRefs(sbom));
    }
}
