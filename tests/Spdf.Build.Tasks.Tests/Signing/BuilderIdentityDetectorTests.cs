using System.Collections.Generic;
using Spdf.Build.Core;
using Spdf.Build.Core.Signing;

namespace Spdf.Build.Tasks.Tests.Signing;

public sealed class BuilderIdentityDetectorTests
{
    private static BuilderIdentity Detect(Dictionary<string, string> variables)
        => BuilderIdentityDetector.Detect(name => variables.TryGetValue(name, out var value) ? value : null);

    [Fact]
    public void GitHub_Actions_names_the_workflow_and_the_run_attempt()
    {
        var builder = Detect(new()
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_SERVER_URL"] = "https://github.com",
            ["GITHUB_REPOSITORY"] = "contoso/pump",
            ["GITHUB_WORKFLOW_REF"] = "contoso/pump/.github/workflows/release.yml@refs/heads/main",
            ["GITHUB_RUN_ID"] = "42",
            ["GITHUB_RUN_ATTEMPT"] = "2",
        });
        Assert.Equal("https://github.com/contoso/pump/.github/workflows/release.yml@refs/heads/main", builder.Id);
        Assert.Equal("https://github.com/contoso/pump/actions/runs/42/attempts/2", builder.InvocationId);
    }

    [Fact]
    public void Azure_Pipelines_names_the_definition_and_the_build()
    {
        var builder = Detect(new()
        {
            ["TF_BUILD"] = "True",
            ["SYSTEM_COLLECTIONURI"] = "https://dev.azure.com/contoso/",
            ["SYSTEM_TEAMPROJECT"] = "Infusion Pump",
            ["SYSTEM_DEFINITIONID"] = "7",
            ["BUILD_BUILDID"] = "1234",
        });
        Assert.Equal("https://dev.azure.com/contoso/Infusion%20Pump/_build?definitionId=7", builder.Id);
        Assert.Equal("https://dev.azure.com/contoso/Infusion%20Pump/_build/results?buildId=1234", builder.InvocationId);
    }

    [Fact]
    public void GitLab_names_the_runner_and_the_job()
    {
        var builder = Detect(new()
        {
            ["GITLAB_CI"] = "true",
            ["CI_SERVER_URL"] = "https://gitlab.example.com",
            ["CI_PROJECT_PATH"] = "devices/pump",
            ["CI_RUNNER_ID"] = "12",
            ["CI_JOB_URL"] = "https://gitlab.example.com/devices/pump/-/jobs/99",
        });
        Assert.Equal("https://gitlab.example.com/devices/pump/-/runners/12", builder.Id);
        Assert.Equal("https://gitlab.example.com/devices/pump/-/jobs/99", builder.InvocationId);
    }

    [Fact]
    public void Jenkins_names_the_job_and_the_build()
    {
        var builder = Detect(new()
        {
            ["JENKINS_URL"] = "https://ci.contoso.example/",
            ["JOB_URL"] = "https://ci.contoso.example/job/pump/",
            ["BUILD_URL"] = "https://ci.contoso.example/job/pump/17/",
        });
        Assert.Equal("https://ci.contoso.example/job/pump/", builder.Id);
        Assert.Equal("https://ci.contoso.example/job/pump/17/", builder.InvocationId);
    }

    [Fact]
    public void Anything_else_is_a_local_build_without_invocation_id()
    {
        var builder = Detect(new() { ["CI"] = "true" });
        Assert.Equal(BuilderIdentityDetector.LocalBuilderId, builder.Id);
        Assert.Null(builder.InvocationId);
    }

    [Theory]
    [InlineData("https://x-access-token:ghs_secret@github.com/contoso/pump.git", "https://github.com/contoso/pump.git")]
    [InlineData("https://github.com/contoso/pump.git", "https://github.com/contoso/pump.git")]
    [InlineData("git@github.com:contoso/pump.git", "git@github.com:contoso/pump.git")]
    public void Repository_url_loses_its_credentials(string url, string expected)
        => Assert.Equal(expected, GitRepository.WithoutCredentials(url));
}
