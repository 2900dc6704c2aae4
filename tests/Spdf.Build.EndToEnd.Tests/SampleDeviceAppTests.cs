using System.IO;
using System.Text.RegularExpressions;
using Spdf.Build.EndToEnd.Tests.Infrastructure;

namespace Spdf.Build.EndToEnd.Tests;

/// <summary>What the README's main command (<c>dotnet build sample-device-app -c Release</c>) produces.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class SampleDeviceAppTests
{
    private readonly SampleBuildFixture _sample;

    public SampleDeviceAppTests(SampleBuildFixture sample) => _sample = sample;

    [Fact]
    public void Sample_builds_warning_free_with_all_rules_on()
    {
        _sample.Result.AssertSuccess();
        Assert.DoesNotMatch(@"\bwarning\b", _sample.Result.Output);
        Assert.True(File.Exists(Path.Combine(_sample.AppOutputDirectory, "Contoso.InfusionPump.dll")));
    }

    [Fact]
    public void Sample_really_runs_the_Spdf_Build_analyzers()
    {
        // The sample must not be warning-free because the analyzers never ran: compile one insecure file into it.
        using var project = new TemporaryDirectory("spdf-sample-probe-");
        var probe = Path.Combine(RepositoryPaths.SampleDeviceApp, "InfusionPump", "SpdfAnalyzerProbe.g.cs");
        try
        {
            File.WriteAllText(probe, "namespace Probe; internal static class P { public static object H() => System.Security.Cryptography.SHA1.Create(); }\n");
            var result = DotNet.Run(RepositoryPaths.Root, "build", "sample-device-app/InfusionPump/InfusionPump.csproj", "-c", "Release", "-p:TreatWarningsAsErrors=false", "-o", project.Path);
            Assert.Matches(new Regex(@"SpdfAnalyzerProbe\.g\.cs\(\d+,\d+\): warning SPDF1001"), result.Output);
        }
        finally
        {
            File.Delete(probe);
        }
    }
}
