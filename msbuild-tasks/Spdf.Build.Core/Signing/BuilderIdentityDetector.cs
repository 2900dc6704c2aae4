using System;
using System.Collections.Generic;

namespace Spdf.Build.Core.Signing;

/// <summary>
/// Names the SLSA builder from the CI system's own environment variables: GitHub Actions, Azure Pipelines,
/// GitLab CI, Jenkins, or a local build. Nothing here is a secret: only ids and URLs the CI documents as public.
/// </summary>
public static class BuilderIdentityDetector
{
    public const string LocalBuilderId = "https://spdf.build/builders/local";

    public static BuilderIdentity Detect(Func<string, string?> environment)
    {
        string Get(string name) => environment(name)?.Trim() ?? "";

        if (string.Equals(Get("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase))
        {
            var server = Get("GITHUB_SERVER_URL").TrimEnd('/');
            var repository = Get("GITHUB_REPOSITORY");
            var runId = Get("GITHUB_RUN_ID");
            var attempt = Get("GITHUB_RUN_ATTEMPT");
            var workflowRef = Get("GITHUB_WORKFLOW_REF");
            return new BuilderIdentity(
                workflowRef.Length > 0 ? $"{server}/{workflowRef}" : $"{server}/{repository}/actions",
                runId.Length > 0 ? $"{server}/{repository}/actions/runs/{runId}/attempts/{(attempt.Length > 0 ? attempt : "1")}" : null,
                Details(("ci", "github-actions"), ("runnerEnvironment", Get("RUNNER_ENVIRONMENT")), ("runnerOs", Get("RUNNER_OS"))));
        }

        if (string.Equals(Get("TF_BUILD"), "true", StringComparison.OrdinalIgnoreCase))
        {
            var collection = Get("SYSTEM_COLLECTIONURI");
            var project = Get("SYSTEM_TEAMPROJECT");
            var buildId = Get("BUILD_BUILDID");
            return new BuilderIdentity(
                $"{collection.TrimEnd('/')}/{Uri.EscapeDataString(project)}/_build?definitionId={Get("SYSTEM_DEFINITIONID")}",
                buildId.Length > 0 ? $"{collection.TrimEnd('/')}/{Uri.EscapeDataString(project)}/_build/results?buildId={buildId}" : null,
                Details(("ci", "azure-pipelines"), ("agentName", Get("AGENT_NAME"))));
        }

        if (string.Equals(Get("GITLAB_CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            var server = Get("CI_SERVER_URL").TrimEnd('/');
            var runner = Get("CI_RUNNER_ID");
            return new BuilderIdentity(
                runner.Length > 0 ? $"{server}/{Get("CI_PROJECT_PATH")}/-/runners/{runner}" : $"{server}/{Get("CI_PROJECT_PATH")}",
                Get("CI_JOB_URL") is { Length: > 0 } jobUrl ? jobUrl : null,
                Details(("ci", "gitlab"), ("pipelineId", Get("CI_PIPELINE_ID"))));
        }

        if (Get("JENKINS_URL").Length > 0)
        {
            return new BuilderIdentity(
                Get("JOB_URL") is { Length: > 0 } jobUrl ? jobUrl : Get("JENKINS_URL"),
                Get("BUILD_URL") is { Length: > 0 } buildUrl ? buildUrl : null,
                Details(("ci", "jenkins"), ("nodeName", Get("NODE_NAME"))));
        }

        return new BuilderIdentity(LocalBuilderId, null, Details(("ci", "none")));
    }

    private static IReadOnlyDictionary<string, string> Details(params (string Name, string Value)[] values)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            if (value.Length > 0)
                result[name] = value;
        }

        return result;
    }
}
