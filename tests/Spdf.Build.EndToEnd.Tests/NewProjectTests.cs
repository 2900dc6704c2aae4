using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using Spdf.Build.EndToEnd.Tests.Infrastructure;

namespace Spdf.Build.EndToEnd.Tests;

/// <summary>A new user's first steps: a fresh console project adds Spdf.Build from a feed and builds.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class NewProjectTests
{
    private const string WeakHashSource = """
        using System.Security.Cryptography;

        internal static class Fingerprint
        {
            public static byte[] Of(byte[] data)
            {
                using var md5 = MD5.Create();
                return md5.ComputeHash(data);
            }
        }
        """;

    private readonly PackageFixture _package;

    public NewProjectTests(PackageFixture package) => _package = package;

    private TemporaryDirectory CreateConsoleProject(string extraProperties = "")
    {
        var project = new TemporaryDirectory("spdf-new-project-");
        File.WriteAllText(project.Combine("nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{project.Combine("packages")}" />
              </config>
              <packageSources>
                <add key="spdf-test-feed" value="{_package.Feed.Path}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(project.Combine("Device.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                {extraProperties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Spdf.Build" Version="{_package.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(project.Combine("Program.cs"), "Console.WriteLine(\"device\");\n");
        return project;
    }

    private static CommandResult Build(TemporaryDirectory project)
        => DotNet.Run(project.Path, new Dictionary<string, string> { ["NUGET_PACKAGES"] = project.Combine("packages") }, "build", "Device.csproj");

    [Fact]
    public void Weak_hash_is_reported_with_its_help_link_and_disappears_when_removed()
    {
        using var project = CreateConsoleProject();
        File.WriteAllText(project.Combine("Fingerprint.cs"), WeakHashSource);

        var withWeakHash = Build(project).AssertSuccess();
        var warning = Regex.Match(withWeakHash.Output, @"Fingerprint\.cs\(\d+,\d+\): warning SPDF1001: MD5 is a broken hash algorithm[^\r\n]*\((?<link>https://[^)]+)\)");
        Assert.True(warning.Success, withWeakHash.Output);
        var link = warning.Groups["link"].Value;
        Assert.EndsWith("/docs/rules/SPDF1001.md", link, System.StringComparison.Ordinal);
        Assert.True(File.Exists(RepositoryPaths.InRepository("docs", "rules", "SPDF1001.md")), "the help link's page exists in the repository");

        File.Delete(project.Combine("Fingerprint.cs"));
        var clean = Build(project).AssertSuccess();
        Assert.DoesNotContain("SPDF", clean.Output, System.StringComparison.Ordinal);
        Assert.Matches(@"0 Warning\(s\)|Build succeeded\.", clean.Output);
    }

    [Fact]
    public void Analysis_mode_None_turns_the_rules_off()
    {
        using var project = CreateConsoleProject("<SpdfAnalysisMode>None</SpdfAnalysisMode>");
        File.WriteAllText(project.Combine("Fingerprint.cs"), WeakHashSource);

        var result = Build(project).AssertSuccess();
        Assert.DoesNotContain("SPDF1001", result.Output, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_analysis_mode_is_an_SPDF0001_error_naming_the_project()
    {
        using var project = CreateConsoleProject("<SpdfAnalysisMode>Strictest</SpdfAnalysisMode>");

        var result = Build(project);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Matches(@"Device\.csproj[^\r\n]*error SPDF0001: SpdfAnalysisMode is 'Strictest'", result.Output);
    }
}
