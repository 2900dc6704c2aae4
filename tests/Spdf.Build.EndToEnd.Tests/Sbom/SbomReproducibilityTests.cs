using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Spdf.Build.EndToEnd.Tests.Infrastructure;

namespace Spdf.Build.EndToEnd.Tests.Sbom;

/// <summary>
/// Builds copies of the sample in a scratch folder (so the shared sample build is untouched): two clean builds
/// with the same SOURCE_DATE_EPOCH, a no-op build, and the vulnerability gate without the VEX file.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class SbomReproducibilityTests
{
    private static readonly string[] EvidenceFiles = { "Contoso.InfusionPump.cdx.json", "Contoso.InfusionPump.fda-sbom.csv", "Contoso.InfusionPump.fda-sbom.md" };

    private static readonly Dictionary<string, string> Reproducible = new() { ["SOURCE_DATE_EPOCH"] = "1767225600" };

    [Fact]
    public void Two_clean_builds_give_byte_identical_evidence_and_a_no_op_build_skips_the_SBOM()
    {
        using var scratch = new TemporaryDirectory("spdf-sbom-repro-");
        // The same path for both builds: the compiler embeds the output path, so only a clean rebuild in the same place is comparable.
        var copy = scratch.Combine("sample-device-app");

        CopySample(copy);
        Build(copy).AssertSuccess();
        var first = EvidenceFiles.Select(f => File.ReadAllBytes(Path.Combine(Evidence(copy), f))).ToArray();

        var noOp = Build(copy, "-v:d").AssertSuccess();
        AssertSkipped("_SpdfGenerateSbomCore", noOp.Output);

        Directory.Delete(copy, recursive: true);
        CopySample(copy);
        Build(copy).AssertSuccess();
        for (var i = 0; i < EvidenceFiles.Length; i++)
            Assert.True(first[i].AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(Evidence(copy), EvidenceFiles[i]))), EvidenceFiles[i] + " differs between two clean builds");

        // Without the manufacturer's assessments the Release gate fails, names the vulnerability and leaves no SBOM.
        var gate = Build(copy, "-p:SpdfVulnerabilityAssessments=");
        Assert.NotEqual(0, gate.ExitCode);
        Assert.Matches(@"error SPDF5110: System\.IO\.Ports 10\.0\.15 is affected by SAMPLE-2026-0001", gate.Output);
        Assert.False(File.Exists(Path.Combine(Evidence(copy), EvidenceFiles[0])));
    }

    private static void AssertSkipped(string target, string log)
    {
        if (log.Contains($"Skipping target \"{target}\" because all output files are up-to-date", StringComparison.Ordinal))
            return;
        // Show why MSBuild ran it (the input it found newer than the outputs).
        var lines = log.Split('\n');
        var start = Array.FindIndex(lines, l => l.Contains($"Target \"{target}\"", StringComparison.Ordinal));
        throw new Xunit.Sdk.XunitException($"{target} ran on a no-op build:\n" + (start < 0 ? "(target not in the log)" : string.Join("\n", lines.Skip(start).Take(12))));
    }

    private static string Evidence(string sample) => Path.Combine(sample, "InfusionPump", "bin", "Release", "net10.0", "spdf");

    private static CommandResult Build(string sample, params string[] extra)
        => DotNet.Run(sample, Reproducible, new[] { "build", "InfusionPump/InfusionPump.csproj", "-c", "Release", "-p:_SpdfRepositoryRoot=" + RepositoryPaths.Root + "/" }.Concat(extra).ToArray());

    private static void CopySample(string destination)
    {
        var source = RepositoryPaths.SampleDeviceApp;
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            var parts = relative.Split(Path.DirectorySeparatorChar);
            if (parts.Contains("bin") || parts.Contains("obj"))
                continue;
            var target = Path.Combine(destination, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
