using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Spdf.Build.EndToEnd.Tests.Infrastructure;

namespace Spdf.Build.EndToEnd.Tests;

/// <summary>
/// The git facts of a build (commit, dirty state, origin, time stamp) are resolved once and shared by the SBOM,
/// traceability and signing; a no-op build starts no git process; a new commit resolves them again. A git
/// wrapper first on PATH records every git process the build starts (a shell script: Unix only).
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class GitFactsBuildTests
{
    private readonly PackageFixture _package;

    public GitFactsBuildTests(PackageFixture package) => _package = package;

    [Fact]
    public void Facts_are_resolved_once_skipped_on_a_no_op_build_and_resolved_again_after_a_commit()
    {
        if (OperatingSystem.IsWindows())
            return;

        using var work = new TemporaryDirectory("spdf-git-facts-");
        var repository = work.Combine("repo");
        Directory.CreateDirectory(repository);
        var gitLog = work.Combine("git-calls.log");
        var environment = GitRecordingEnvironment(work, gitLog);
        WriteProject(work, repository);
        Git(repository, "init", "-q", "-b", "main");
        Git(repository, "add", "Device.csproj", "Program.cs", "threat-model.spdf.json", "nuget.config");
        Commit(repository, "first");

        var first = DotNet.Run(repository, environment, "build", "Device.csproj", "-v:d").AssertSuccess();
        var head = Git(repository, "rev-parse", "HEAD");
        // One resolve: its git processes (one of each), none from the SBOM, traceability or signing tasks.
        Assert.Equal(new[] { "rev-parse --show-toplevel", "log -1 --format=%H %ct HEAD", "--no-optional-locks status --porcelain --untracked-files=no", "config --get remote.origin.url" }, GitCalls(gitLog));
        Assert.Single(first.Output.Split('\n'), l => l.Contains("Task \"Spdf.Build.Tasks.ResolveGitFacts\"", StringComparison.Ordinal));
        AssertEvidenceRecords(repository, head);

        File.Delete(gitLog);
        var noOp = DotNet.Run(repository, environment, "build", "Device.csproj", "-v:d").AssertSuccess();
        Assert.Empty(GitCalls(gitLog));
        Assert.Contains("Skipping target \"_SpdfResolveGitFactsCore\" because all output files are up-to-date", noOp.Output, StringComparison.Ordinal);

        File.AppendAllText(Path.Combine(repository, "Program.cs"), "// a change\n");
        Git(repository, "add", "Program.cs");
        Commit(repository, "second");
        File.Delete(gitLog);
        DotNet.Run(repository, environment, "build", "Device.csproj").AssertSuccess();
        var newHead = Git(repository, "rev-parse", "HEAD");
        Assert.NotEqual(head, newHead);
        Assert.Single(GitCalls(gitLog), c => c == "rev-parse --show-toplevel");
        AssertEvidenceRecords(repository, newHead);
    }

    private static void AssertEvidenceRecords(string repository, string commit)
    {
        var facts = File.ReadAllLines(Path.Combine(repository, "obj", "Debug", "net10.0", "spdf", "git-facts.txt"));
        Assert.Contains("commit=" + commit, facts);
        Assert.Contains("dirty=false", facts);
        var evidence = Path.Combine(repository, "bin", "Debug", "net10.0", "spdf");
        var sbom = JsonNode.Parse(File.ReadAllText(Path.Combine(evidence, "Device.cdx.json")))!;
        Assert.Contains(sbom["metadata"]!["component"]!["properties"]!.AsArray(), p => (string?)p!["name"] == "spdf:vcs:commit" && (string?)p["value"] == commit);
        var trace = JsonNode.Parse(File.ReadAllText(Path.Combine(evidence, "spdf-trace.json")))!;
        Assert.Equal(commit, (string?)trace["build"]!["commit"]);
        Assert.Contains("\"gitCommit\":\"" + commit + "\"", DecodedPayload(evidence), StringComparison.Ordinal);
    }

    private static string DecodedPayload(string evidence)
    {
        var bundle = JsonNode.Parse(File.ReadAllText(Path.Combine(evidence, "spdf-provenance.sigstore.json")))!;
        return System.Text.Encoding.UTF8.GetString(Convert.FromBase64String((string)bundle["dsseEnvelope"]!["payload"]!));
    }

    private static string[] GitCalls(string log) => File.Exists(log) ? File.ReadAllLines(log) : Array.Empty<string>();

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static Dictionary<string, string> GitRecordingEnvironment(TemporaryDirectory work, string log)
    {
        var bin = work.Combine("bin");
        Directory.CreateDirectory(bin);
        var realGit = Which("git");
        var wrapper = Path.Combine(bin, "git");
        File.WriteAllText(wrapper, $"#!/bin/sh\necho \"$*\" >> '{log}'\nexec '{realGit}' \"$@\"\n");
        File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return new Dictionary<string, string>
        {
            ["PATH"] = bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
            ["NUGET_PACKAGES"] = work.Combine("packages"),
        };
    }

    private void WriteProject(TemporaryDirectory work, string repository)
    {
        File.WriteAllText(Path.Combine(repository, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config><add key="globalPackagesFolder" value="{work.Combine("packages")}" /></config>
              <packageSources><add key="spdf-test-feed" value="{_package.Feed.Path}" /></packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(repository, "Device.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Company>Contoso Medical Devices</Company>
                <SpdfThreatModel>threat-model.spdf.json</SpdfThreatModel>
                <SpdfSigningKey>ephemeral</SpdfSigningKey>
                <SpdfAcceptEphemeralKey>true</SpdfAcceptEphemeralKey>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Spdf.Build" Version="{_package.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(repository, "Program.cs"), "System.Console.WriteLine(\"device\");\n");
        File.Copy(Path.Combine(RepositoryPaths.SampleDeviceApp, "threat-model.spdf.json"), Path.Combine(repository, "threat-model.spdf.json"));
    }

    private static void Commit(string repository, string message)
        => Git(repository, "-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgSign=false", "commit", "-q", "-m", message, "--no-verify");

    private static string Which(string program)
        => Environment.GetEnvironmentVariable("PATH")!.Split(Path.PathSeparator).Select(d => Path.Combine(d, program)).First(File.Exists);

    private static string Git(string repository, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = repository, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, "git " + string.Join(' ', arguments) + ": " + error.Result);
        return output.Trim();
    }
}
