using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text.Json;
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

    [Theory]
    [InlineData("", true)]
    [InlineData("<SpdfUseReadyToRunAnalyzer>false</SpdfUseReadyToRunAnalyzer>", false)]
    public void The_compiler_gets_the_precompiled_analyzer_where_the_package_has_one_for_its_runtime(string extraProperties, bool swapAllowed)
    {
        using var project = CreateConsoleProject(extraProperties);
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = project.Combine("packages") };
        DotNet.Run(project.Path, environment, "restore", "Device.csproj").AssertSuccess();

        var result = DotNet.Run(project.Path, environment, "msbuild", "Device.csproj", "-t:ResolveLockFileAnalyzers", "-getItem:Analyzer").AssertSuccess();
        var analyzers = JsonDocument.Parse(result.Output[result.Output.IndexOf('{', System.StringComparison.Ordinal)..]).RootElement
            .GetProperty("Items").GetProperty("Analyzer").EnumerateArray()
            .Select(item => item.GetProperty("Identity").GetString()!.Replace('\\', '/'))
            .Where(path => Path.GetFileName(path).StartsWith("Spdf.Build.Analyzers", System.StringComparison.Ordinal))
            .ToArray();

        // The package precompiles for the .NET 10 SDK on linux-x64 (the runtime these tests run on is the SDK's).
        var precompiledForThisRuntime = RuntimeInformation.RuntimeIdentifier == "linux-x64" && System.Environment.Version.Major == 10;
        var expected = swapAllowed && precompiledForThisRuntime
            ? "/spdf.build/" + _package.Version + "/readytorun/net10.0/linux-x64/Spdf.Build.Analyzers.dll"
            : "/spdf.build/" + _package.Version + "/analyzers/dotnet/cs/Spdf.Build.Analyzers.dll";
        Assert.Single(analyzers, path => path.EndsWith("/Spdf.Build.Analyzers.dll", System.StringComparison.Ordinal));
        Assert.Contains(analyzers, path => path.EndsWith(expected, System.StringComparison.Ordinal));
        Assert.Contains(analyzers, path => path.EndsWith("/analyzers/dotnet/cs/Spdf.Build.Analyzers.CodeFixes.dll", System.StringComparison.Ordinal));
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
