using System;
using System.IO;
using System.Linq;
using Spdf.Build.Core;
using Spdf.Build.Core.Sbom;

namespace Spdf.Build.Tasks.Tests.Sbom;

public sealed class SupportTests
{
    private static readonly DateTimeOffset AfterNet8EndOfSupport = new(2026, 11, 28, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Catalogue_gives_supplier_level_and_end_of_support_first_match_wins()
    {
        using var restore = new GeneratedRestore();
        restore.AddPackage("Vendor.Driver", "3.1.0").AddDirect("Vendor.Driver").Write();
        var catalog = restore.WriteFile("support.json", """
            { "components": [
              { "purl": "pkg:nuget/vendor.driver@3.*", "supplier": "Vendor GmbH", "levelOfSupport": "actively maintained", "endOfSupport": "2030-06-30" },
              { "purl": "pkg:nuget/*", "levelOfSupport": "unknown", "justification": "not reached" },
              { "purl": "pkg:nuget/Contoso.App@*", "levelOfSupport": "actively maintained", "endOfSupport": "2032-01-01" }
            ] }
            """);
        var (sbom, _, _, findings) = SbomAssert.BuildValid(restore.Request(o => o.SupportCatalog = catalog));
        var driver = SbomAssert.Component(sbom, "pkg:nuget/Vendor.Driver@3.1.0");
        Assert.Equal("Vendor GmbH", (string?)driver["supplier"]!["name"]);
        Assert.Equal(new[] { "actively maintained" }, SbomAssert.Property(driver, "spdf:fda:level-of-support"));
        Assert.Equal(new[] { "2030-06-30" }, SbomAssert.Property(driver, "cdx:lifecycle:milestone:endOfSupport"));
        // The app itself matched "pkg:nuget/*" first: unknown, but justified, so no finding.
        Assert.DoesNotContain(findings, f => f.Id == "SPDF5109");
    }

    [Fact]
    public void Unknown_support_without_justification_is_SPDF5109_and_an_error_under_the_strict_policy()
    {
        using var restore = new GeneratedRestore();
        restore.AddPackage("Vendor.Driver", "3.1.0").AddDirect("Vendor.Driver").Write();
        var (sbom, _, _, findings) = SbomAssert.BuildValid(restore.Request(o => o.SupportPolicyIsError = true));
        var finding = Assert.Single(findings, f => f.Message.StartsWith("Vendor.Driver", StringComparison.Ordinal));
        Assert.Equal("SPDF5109", finding.Id);
        Assert.Equal(SbomFindingSeverity.Error, finding.Severity);
        Assert.Equal(new[] { "unknown" }, SbomAssert.Property(SbomAssert.Component(sbom, "pkg:nuget/Vendor.Driver@3.1.0"), "spdf:fda:level-of-support"));
    }

    [Fact]
    public void The_apps_own_support_is_checked_once_a_catalogue_is_kept()
    {
        using var restore = new GeneratedRestore();
        restore.AddPackage("System.IO.Ports", "10.0.15", authors: "Microsoft").AddDirect("System.IO.Ports").Write();
        Assert.Empty(SbomAssert.BuildValid(restore.Request()).Findings);

        var catalog = restore.WriteFile("support.json", """{ "components": [ { "purl": "pkg:nuget/Other@*", "levelOfSupport": "abandoned" } ] }""");
        var finding = Assert.Single(SbomAssert.BuildValid(restore.Request(o => o.SupportCatalog = catalog)).Findings);
        Assert.Equal("SPDF5109", finding.Id);
        Assert.StartsWith("Contoso.App 1.2.3", finding.Message, StringComparison.Ordinal);
        Assert.Equal(catalog, finding.File);
    }

    [Fact]
    public void Packages_that_ship_with_dotnet_follow_its_lifecycle_and_are_flagged_past_end_of_support()
    {
        using var restore = new GeneratedRestore();
        restore.AddPackage("Microsoft.Extensions.Logging.Abstractions", "8.0.2", authors: "Microsoft")
            .AddPackage("System.IO.Ports", "10.0.15", authors: "Microsoft")
            .AddDirect("Microsoft.Extensions.Logging.Abstractions").AddDirect("System.IO.Ports").Write();
        var (sbom, _, _, findings) = SbomAssert.BuildValid(restore.Request(o => o.Timestamp = AfterNet8EndOfSupport));
        var logging = SbomAssert.Component(sbom, "pkg:nuget/Microsoft.Extensions.Logging.Abstractions@8.0.2");
        Assert.Equal(new[] { "2026-11-10" }, SbomAssert.Property(logging, "cdx:lifecycle:milestone:endOfSupport"));
        Assert.Equal(new[] { "no longer maintained" }, SbomAssert.Property(logging, "spdf:fda:level-of-support"));
        Assert.Equal(new[] { "2028-11-14" }, SbomAssert.Property(SbomAssert.Component(sbom, "pkg:nuget/System.IO.Ports@10.0.15"), "cdx:lifecycle:milestone:endOfSupport"));
        Assert.Equal(new[] { "2028-11-14" }, SbomAssert.Property(SbomAssert.Component(sbom, "pkg:generic/microsoft/Microsoft.NETCore.App@10.0.12"), "cdx:lifecycle:milestone:endOfSupport"));
        var finding = Assert.Single(findings, f => f.Id == "SPDF5108");
        Assert.Contains("Microsoft.Extensions.Logging.Abstractions 8.0.2", finding.Message, StringComparison.Ordinal);
        Assert.Equal(SbomFindingSeverity.Warning, finding.Severity);
    }

    [Fact]
    public void Newer_lifecycle_data_can_be_supplied_and_is_recorded()
    {
        using var restore = new GeneratedRestore();
        restore.AddPackage("System.IO.Ports", "9.0.0", authors: "Microsoft").AddDirect("System.IO.Ports").Write();
        var data = Path.Combine(SharedData.Root, "dotnet-lifecycle", "releases-index.json");
        var (sbom, _, _, _) = SbomAssert.BuildValid(restore.Request(o => o.LifecycleData = data));
        Assert.Equal(new[] { "2026-11-10" }, SbomAssert.Property(SbomAssert.Component(sbom, "pkg:nuget/System.IO.Ports@9.0.0"), "cdx:lifecycle:milestone:endOfSupport"));
        Assert.Contains("releases-index.json (newest release 2026-07-", SbomAssert.Property(sbom["metadata"]!, "spdf:lifecycle:data").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Built_in_lifecycle_facts_match_the_releases_index()
    {
        var data = DotNetLifecycle.Read(Path.Combine(SharedData.Root, "dotnet-lifecycle", "releases-index.json"));
        foreach (var channel in new[] { "1.0", "2.1", "3.1", "5.0", "6.0", "7.0", "8.0", "9.0", "10.0", "11.0" })
            Assert.Equal(data.ChannelOf(channel + ".1", isRuntime: true), DotNetLifecycle.BuiltIn.ChannelOf(channel + ".1", isRuntime: true));
    }

    [Theory]
    [InlineData("{ \"components\": [ { \"purl\": \"pkg:nuget/A@*\",\n      \"levelOfSupport\": \"sometimes\" } ] }", 2, "levelOfSupport")]
    [InlineData("{ \"components\": [\n      { \"purl\": \"pkg:nuget/A@*\", \"levelOfSupport\": \"abandoned\",\n        \"endOfSupport\": \"31.12.2030\" } ] }", 3, "endOfSupport")]
    [InlineData("{ \"components\": [\n      { \"levelOfSupport\": \"abandoned\" } ] }", 2, "purl")]
    [InlineData("{ \"components\": [ ] ,, }", 1, "JSON")]
    public void Invalid_catalogue_is_SPDF5105_with_the_line(string content, int line, string mentioned)
    {
        using var restore = new GeneratedRestore();
        var path = restore.WriteFile("support.json", content);
        var exception = Assert.Throws<SpdfException>(() => SupportCatalog.Read(path));
        Assert.Equal("SPDF5105", exception.DiagnosticId);
        Assert.Equal(path, exception.File);
        Assert.Equal(line, exception.Line);
        Assert.Contains(mentioned, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pkg:nuget/Contoso.*", "pkg:nuget/contoso.pump.drivers@2.1.0", true)]
    [InlineData("pkg:nuget/Contoso.*", "pkg:nuget/Fabrikam.Contoso@1.0.0", false)]
    [InlineData("pkg:nuget/*Serial*@*", "pkg:nuget/System.IO.Ports.SerialExtras@8.0.0", true)]
    [InlineData("pkg:nuget/Exact@1.0.0", "pkg:nuget/Exact@1.0.0", true)]
    [InlineData("pkg:nuget/Exact@1.0.0", "pkg:nuget/Exact@1.0.01", false)]
    [InlineData("pkg:nuget/Native@1.0.0?arch=x64", "pkg:nuget/Native@1.0.0?arch=x64", true)]
    [InlineData("pkg:nuget/Native@1.0.0?arch=x64", "pkg:nuget/Native@1.0.0Xarch=x64", false)]
    [InlineData(@"pkg:nuget/Odd\Name*", @"pkg:nuget/Odd\Name@1.0.0", true)]
    [InlineData("pkg:nuget/*", "pkg:nuget/Anything@0.1.0", true)]
    [InlineData("pkg:nuget/A*A", "pkg:nuget/A", false)]
    [InlineData("pkg:nuget/A*A", "pkg:nuget/AA", true)]
    [InlineData("pkg:nuget/*.Core*@2.*", "pkg:nuget/Fabrikam.Core.Data@1.2.0", false)]
    [InlineData("pkg:nuget/*.Core*@2.*", "pkg:nuget/Fabrikam.Core.Data@2.0.1", true)]
    public void Purl_patterns_match_whole_purls_case_insensitively_with_star_as_the_only_wildcard(string pattern, string purl, bool matches)
    {
        using var restore = new GeneratedRestore();
        var path = restore.WriteFile("support.json", "{\"components\":[{\"purl\":" + System.Text.Json.JsonSerializer.Serialize(pattern) + ",\"levelOfSupport\":\"actively maintained\"}]}");
        Assert.Equal(matches, SupportCatalog.Read(path).Find(purl) is not null);
    }

    [Fact]
    public void Missing_catalogue_file_is_SPDF0022()
    {
        using var restore = new GeneratedRestore();
        restore.AddPackage("A", "1.0.0").AddDirect("A").Write();
        var exception = Assert.Throws<SpdfException>(() => SbomBuilder.Build(restore.Request(o => o.SupportCatalog = Path.Combine(restore.Root, "nope.json"))));
        Assert.Equal("SPDF0022", exception.DiagnosticId);
    }
}
