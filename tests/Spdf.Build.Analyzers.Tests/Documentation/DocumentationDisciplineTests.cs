using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Spdf.Build.Analyzers.Infrastructure;

namespace Spdf.Build.Analyzers.Tests.Documentation;

/// <summary>
/// The project's promises about its rules, checked on every run: one registry, one docs page per ID with the
/// required sections, descriptors linking to their page, release tracking and analysis-mode files complete.
/// </summary>
public sealed class DocumentationDisciplineTests
{
    private static readonly string[] RequiredSections =
    {
        "## Cause",
        "## Why it matters for device security",
        "## How to fix",
        "## How to suppress",
        "## Code fix",
    };

    public static TheoryData<string> RegisteredIds()
    {
        var data = new TheoryData<string>();
        foreach (var (_, id) in RuleCatalog.RegisteredIds)
            data.Add(id);
        return data;
    }

    [Fact]
    public void Registry_ids_are_well_formed_unique_and_in_a_known_range()
    {
        Assert.NotEmpty(RuleCatalog.RegisteredIds);
        foreach (var (name, id) in RuleCatalog.RegisteredIds)
        {
            Assert.Matches(@"^SPDF(0|1|2|3|4|5|9)\d{3}$", id);
            Assert.False(string.IsNullOrWhiteSpace(name));
        }

        var duplicates = RuleCatalog.RegisteredIds.GroupBy(r => r.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key);
        Assert.Empty(duplicates);
    }

    [Theory]
    [MemberData(nameof(RegisteredIds))]
    public void Every_id_has_a_docs_page_with_the_required_sections(string id)
    {
        var page = Path.Combine(RuleCatalog.RulesDirectory, id + ".md");
        Assert.True(File.Exists(page), $"docs/rules/{id}.md is missing");

        var text = File.ReadAllText(page);
        Assert.StartsWith("# " + id + ": ", text, StringComparison.Ordinal);
        Assert.Matches(@"\| CWE \| \[CWE-\d+", text);
        foreach (var section in RequiredSections)
            Assert.Contains("\n" + section + "\n", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RegisteredIds))]
    public void Every_id_is_listed_in_the_rules_index(string id)
    {
        var index = File.ReadAllText(Path.Combine(RuleCatalog.RulesDirectory, "README.md"));
        Assert.Contains($"| [{id}]({id}.md) |", index, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_docs_page_belongs_to_a_registered_id()
    {
        var registered = RuleCatalog.RegisteredIds.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var pages = Directory.GetFiles(RuleCatalog.RulesDirectory, "SPDF*.md").Select(Path.GetFileNameWithoutExtension);
        Assert.All(pages, page => Assert.Contains(page!, registered));
    }

    [Fact]
    public void Every_analyzer_descriptor_is_registered_and_links_to_its_page()
    {
        var registered = RuleCatalog.RegisteredIds.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(RuleCatalog.AnalyzerDescriptors);
        foreach (var descriptor in RuleCatalog.AnalyzerDescriptors)
        {
            Assert.Contains(descriptor.Id, registered);
            Assert.Equal(SpdfDescriptors.HelpLink(descriptor.Id), descriptor.HelpLinkUri);
            Assert.EndsWith("/docs/rules/" + descriptor.Id + ".md", descriptor.HelpLinkUri, StringComparison.Ordinal);
            Assert.StartsWith("Spdf.", descriptor.Category, StringComparison.Ordinal);
            Assert.Contains(descriptor.CustomTags, tag => Regex.IsMatch(tag, @"^CWE-\d+$"));
            Assert.Contains(descriptor.CustomTags, tag => tag.StartsWith("Spdf.Policy.", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Analyzer_docs_pages_state_the_descriptors_CWE_and_category()
    {
        foreach (var descriptor in RuleCatalog.AnalyzerDescriptors)
        {
            var text = File.ReadAllText(Path.Combine(RuleCatalog.RulesDirectory, descriptor.Id + ".md"));
            var cwe = descriptor.CustomTags.Single(tag => tag.StartsWith("CWE-", StringComparison.Ordinal));
            Assert.Contains("[" + cwe, text, StringComparison.Ordinal);
            Assert.Contains("| Category | " + descriptor.Category + " |", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_analyzer_rule_is_in_release_tracking()
    {
        var analyzerDirectory = Path.Combine(RuleCatalog.RepositoryRoot, "analyzers", "Spdf.Build.Analyzers");
        var tracked = File.ReadAllText(Path.Combine(analyzerDirectory, "AnalyzerReleases.Shipped.md"))
                      + File.ReadAllText(Path.Combine(analyzerDirectory, "AnalyzerReleases.Unshipped.md"));
        foreach (var descriptor in RuleCatalog.AnalyzerDescriptors)
            Assert.Matches(new Regex("^" + descriptor.Id + @"\s*\|", RegexOptions.Multiline), tracked);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("recommended")]
    [InlineData("all")]
    public void Every_analyzer_rule_has_its_severity_in_each_analysis_mode(string mode)
    {
        var path = Path.Combine(RuleCatalog.RepositoryRoot, "msbuild-tasks", "Spdf.Build", "build", "config", $"spdf-{mode}.globalconfig");
        var settings = ReadSeverities(path);
        Assert.Equal(RuleCatalog.AnalyzerDescriptors.Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal), settings.Keys.OrderBy(id => id, StringComparer.Ordinal));

        foreach (var descriptor in RuleCatalog.AnalyzerDescriptors)
        {
            var expected = (mode, RuleCatalog.PolicyOf(descriptor)) switch
            {
                ("none", _) => "none",
                ("recommended", FalsePositivePolicy.Audit) => "suggestion",
                _ => "warning",
            };
            Assert.True(expected == settings[descriptor.Id], $"{descriptor.Id} in spdf-{mode}.globalconfig is '{settings[descriptor.Id]}', expected '{expected}'");
        }
    }

    [Fact]
    public void Diagnostic_codes_used_in_msbuild_files_are_registered()
    {
        var registered = RuleCatalog.RegisteredIds.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var buildDirectory = Path.Combine(RuleCatalog.RepositoryRoot, "msbuild-tasks", "Spdf.Build");
        var used = Directory.GetFiles(buildDirectory, "*.targets", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(buildDirectory, "*.props", SearchOption.AllDirectories))
            .SelectMany(file => Regex.Matches(File.ReadAllText(file), @"SPDF\d{4}").Select(m => m.Value))
            .Distinct(StringComparer.Ordinal);
        Assert.All(used, id => Assert.Contains(id, registered));
    }

    [Fact]
    public void Every_public_msbuild_property_and_target_is_in_the_msbuild_reference()
    {
        var buildDirectory = Path.Combine(RuleCatalog.RepositoryRoot, "msbuild-tasks", "Spdf.Build", "build");
        var reference = File.ReadAllText(Path.Combine(RuleCatalog.RepositoryRoot, "docs", "msbuild-reference.md"));
        var names = Directory.GetFiles(buildDirectory, "*.*", SearchOption.TopDirectoryOnly)
            .Where(file => file.EndsWith(".props", StringComparison.Ordinal) || file.EndsWith(".targets", StringComparison.Ordinal))
            .SelectMany(file => Regex.Matches(File.ReadAllText(file), @"<(?<property>Spdf\w+)[\s>]|<Target Name=""(?<target>Spdf\w+)""")
                .Select(m => m.Groups["property"].Success ? m.Groups["property"].Value : m.Groups["target"].Value))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        Assert.NotEmpty(names);
        Assert.All(names, name => Assert.Contains("`" + name + "`", reference, StringComparison.Ordinal));
    }

    [Fact]
    public void Architecture_and_msbuild_reference_pages_exist()
    {
        Assert.True(File.Exists(Path.Combine(RuleCatalog.RepositoryRoot, "docs", "architecture.md")));
        Assert.True(File.Exists(Path.Combine(RuleCatalog.RepositoryRoot, "docs", "msbuild-reference.md")));
    }

    private static Dictionary<string, string> ReadSeverities(string path)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            var match = Regex.Match(line, @"^dotnet_diagnostic\.(?<id>SPDF\d{4})\.severity\s*=\s*(?<severity>\w+)\s*$");
            if (match.Success)
                Assert.True(settings.TryAdd(match.Groups["id"].Value, match.Groups["severity"].Value), $"{match.Groups["id"].Value} appears twice in {path}");
        }

        return settings;
    }
}
