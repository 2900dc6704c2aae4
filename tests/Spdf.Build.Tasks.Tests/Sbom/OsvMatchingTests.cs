using System.IO;
using System.Linq;
using System.Text;
using NuGet.Versioning;
using Spdf.Build.Core.Sbom;

namespace Spdf.Build.Tasks.Tests.Sbom;

/// <summary>OSV range semantics, on the real GitHub advisories in ../shared/data/osv/nuget and on made-up edge cases.</summary>
public sealed class OsvMatchingTests
{
    private static readonly OsvDatabase Shared = OsvDatabase.Load(SharedData.OsvNuGet);

    private static OsvAdvisory Advisory(string id) => Shared.Advisories.Single(a => a.Id == id);

    private static bool Affects(string id, string package, string version) => Advisory(id).Affects(package, NuGetVersion.Parse(version));

    [Fact]
    public void Every_shared_advisory_is_read()
    {
        Assert.Empty(Shared.Skipped);
        Assert.Equal(19, Shared.Advisories.Count);
    }

    [Theory]
    [InlineData("8.0.722", true)]
    [InlineData("8.0.723", false)]
    [InlineData("8.1.0-beta", true)]
    [InlineData("8.1.721-beta", true)]
    [InlineData("8.1.722-beta", false)]
    [InlineData("8.1.722", false)]
    [InlineData("1.0.0", true)]
    public void Introduced_and_fixed_bound_a_half_open_range_with_prerelease_ordering(string version, bool affected)
        => Assert.Equal(affected, Affects("GHSA-43cp-6p3q-2pc4", "HtmlSanitizer", version));

    [Fact]
    public void Package_names_compare_case_insensitively()
    {
        Assert.True(Affects("GHSA-43cp-6p3q-2pc4", "htmlsanitizer", "8.0.600"));
        // The advisory spells it Microsoft.NetCore.App.Runtime.*; the real id is Microsoft.NETCore.App.Runtime.*.
        var runtimeEntry = Advisory("GHSA-447r-wph3-92pm").Affected.First(a => a.PackageName.StartsWith("Microsoft.NetCore.App.Runtime.", System.StringComparison.Ordinal));
        var upper = "Microsoft.NETCore.App.Runtime." + runtimeEntry.PackageName["Microsoft.NetCore.App.Runtime.".Length..];
        var fixedVersion = runtimeEntry.Ranges.SelectMany(r => r).First(e => e.Kind == "fixed").Version!;
        Assert.True(Advisory("GHSA-447r-wph3-92pm").Affects(upper, new NuGetVersion(fixedVersion.Major, fixedVersion.Minor, fixedVersion.Patch - 1)));
        Assert.False(Advisory("GHSA-447r-wph3-92pm").Affects(upper, fixedVersion));
    }

    [Fact]
    public void A_range_with_only_introduced_affects_every_later_version()
    {
        Assert.True(Affects("GHSA-8xfc-gm6g-vgpv", "BouncyCastle", "1.8.9"));
        Assert.True(Affects("GHSA-8xfc-gm6g-vgpv", "BouncyCastle", "99.0.0"));
    }

    [Fact]
    public void Explicit_versions_list_matches_exact_versions_only()
    {
        Assert.True(Affects("GHSA-6qmf-mmc7-6c2p", "Microsoft.Build.NuGetSdkResolver", "5.9.0-rc.7122"));
        Assert.False(Affects("GHSA-6qmf-mmc7-6c2p", "Microsoft.Build.NuGetSdkResolver", "5.9.0-rc.7123"));
    }

    [Fact]
    public void Withdrawn_advisories_are_recognised()
    {
        Assert.True(Advisory("GHSA-8g9c-28fc-mcx2").IsWithdrawn);
        Assert.False(Advisory("GHSA-59j7-ghrg-fj52").IsWithdrawn);
    }

    [Fact]
    public void Other_ecosystems_in_the_same_advisory_are_ignored()
    {
        // Moment.js: the npm "moment" entry must not match a NuGet package called moment.
        Assert.All(Advisory("GHSA-8hfj-j24r-96c4").Affected, a => Assert.NotEqual("moment", a.PackageName));
    }

    [Theory]
    [InlineData("0.9.0", false)]
    [InlineData("1.0.0", true)]
    [InlineData("1.4.2", true)]
    [InlineData("1.4.3", false)]
    [InlineData("2.0.0-alpha", false)]
    [InlineData("2.0.0", true)]
    [InlineData("2.1.0.0", true)]
    [InlineData("2.2.0", false)]
    public void Last_affected_is_an_inclusive_upper_bound_and_ranges_can_reopen(string version, bool affected)
    {
        var json = """
            {"id":"TEST-1","affected":[{"package":{"ecosystem":"NuGet","name":"Lib"},"ranges":[{"type":"ECOSYSTEM","events":[
              {"introduced":"1.0.0"},{"last_affected":"1.4.2"},{"introduced":"2.0.0"},{"fixed":"2.2.0"}]}]}]}
            """;
        var advisory = OsvAdvisory.TryParse(Encoding.UTF8.GetBytes(json), "test.json", out var problem)!;
        Assert.Null(problem);
        Assert.Equal(affected, advisory.Affects("Lib", NuGetVersion.Parse(version)));
    }

    [Fact]
    public void Invalid_advisory_files_are_skipped_with_a_reason_and_the_others_still_load()
    {
        using var folder = new GeneratedRestore();
        File.Copy(Path.Combine(SharedData.OsvNuGet, "GHSA-43cp-6p3q-2pc4.json"), Path.Combine(folder.Root, "good.json"));
        File.WriteAllText(Path.Combine(folder.Root, "broken.json"), "{ \"id\": \"X\", ");
        File.WriteAllText(Path.Combine(folder.Root, "badversion.json"), """{"id":"Y","affected":[{"package":{"ecosystem":"NuGet","name":"Lib"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"not.a.version!"}]}]}]}""");
        var database = OsvDatabase.Load(folder.Root);
        Assert.Equal(new[] { "GHSA-43cp-6p3q-2pc4" }, database.Advisories.Select(a => a.Id));
        Assert.Equal(2, database.Skipped.Count);
        Assert.Contains(database.Skipped, s => s.File.EndsWith("badversion.json", System.StringComparison.Ordinal) && s.Problem.Contains("not.a.version!", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Loaded_for_some_packages_the_advisories_naming_each_of_them_are_parsed_and_all_are_counted()
    {
        var names = Shared.Advisories.SelectMany(a => a.Affected).Select(a => a.PackageName).Distinct(System.StringComparer.OrdinalIgnoreCase).ToList();
        Assert.True(names.Count > 10);
        foreach (var name in names)
        {
            var filtered = OsvDatabase.Load(SharedData.OsvNuGet, n => string.Equals(n, name, System.StringComparison.OrdinalIgnoreCase));
            var expected = Shared.Advisories.Where(a => a.Affected.Any(x => string.Equals(x.PackageName, name, System.StringComparison.OrdinalIgnoreCase))).Select(a => a.Id);
            Assert.Equal(expected, filtered.Advisories.Select(a => a.Id));
            Assert.Equal(19, filtered.Count);
            Assert.Empty(filtered.Skipped);
        }

        var none = OsvDatabase.Load(SharedData.OsvNuGet, _ => false);
        Assert.Empty(none.Advisories);
        Assert.Equal(19, none.Count);
    }

    [Fact]
    public void Loaded_for_some_packages_broken_files_are_still_reported_but_not_bad_versions_of_other_packages()
    {
        using var folder = new GeneratedRestore();
        File.WriteAllText(Path.Combine(folder.Root, "broken.json"), "{ \"id\": \"X\", ");
        File.WriteAllText(Path.Combine(folder.Root, "noid.json"), """{"affected":[{"package":{"ecosystem":"NuGet","name":"Other"}}]}""");
        File.WriteAllText(Path.Combine(folder.Root, "noname.json"), """{"id":"Z","affected":[{"package":{"ecosystem":"NuGet"}}]}""");
        File.WriteAllText(Path.Combine(folder.Root, "badversion.json"), """{"id":"Y","affected":[{"package":{"ecosystem":"NuGet","name":"Lib"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"not.a.version!"}]}]}]}""");

        var withoutLib = OsvDatabase.Load(folder.Root, n => n == "Used");
        Assert.Equal(new[] { "broken.json", "noid.json", "noname.json" }, withoutLib.Skipped.Select(s => Path.GetFileName(s.File)).OrderBy(f => f, System.StringComparer.Ordinal));
        Assert.Equal(1, withoutLib.Count);

        var withLib = OsvDatabase.Load(folder.Root, n => n == "Lib");
        Assert.Contains(withLib.Skipped, s => s.File.EndsWith("badversion.json", System.StringComparison.Ordinal));
        Assert.Equal(0, withLib.Count);
    }

    [Fact]
    public void Zip_archives_of_advisories_are_read()
    {
        using var folder = new GeneratedRestore();
        var zip = Path.Combine(folder.Root, "osv.zip");
        System.IO.Compression.ZipFile.CreateFromDirectory(SharedData.OsvNuGet, zip);
        Assert.Equal(19, OsvDatabase.Load(zip).Advisories.Count);
    }

    [Theory]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", 6.1, "medium")]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8, "critical")]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", 10.0, "critical")]
    [InlineData("CVSS:3.0/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N", 5.5, "medium")]
    [InlineData("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:N/A:H", 5.9, "medium")]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N", 0.0, "none")]
    public void Cvss3_base_scores_follow_the_specification(string vector, double score, string severity)
    {
        Assert.True(CvssV3.TryScore(vector, out var actual));
        Assert.Equal(score, actual);
        Assert.Equal(severity, CvssV3.Severity(actual));
    }

    [Fact]
    public void Cvss_vectors_that_are_not_version_3_are_not_scored()
        => Assert.False(CvssV3.TryScore("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N", out _));
}
