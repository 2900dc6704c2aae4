using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Spdf.Build.Core;
using Spdf.Build.Core.Signing;

namespace Spdf.Build.Tasks;

/// <summary>
/// Signs a project's output folder: a detached CMS signature next to every artefact and evidence file, the
/// evidence manifest and the SLSA provenance bundle. The key password is read here from the environment
/// variable named by <see cref="SigningKeyPasswordVariable"/>, so it is never a task parameter and never logged.
/// </summary>
public sealed class SignArtifacts : SpdfTask
{
    /// <summary>Every file of the output folder to sign (the targets exclude the signing outputs themselves).</summary>
    [Required]
    public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();

    [Required]
    public string OutputDirectory { get; set; } = "";

    [Required]
    public string EvidenceDirectory { get; set; } = "";

    /// <summary><c>SpdfSigningKey</c>: pem:, pfx:, cmd: or ephemeral.</summary>
    [Required]
    public string SigningKey { get; set; } = "";

    public string SigningCertificate { get; set; } = "";

    /// <summary>The <em>name</em> of the environment variable holding the key password.</summary>
    public string SigningKeyPasswordVariable { get; set; } = "";

    /// <summary>When true, the ephemeral-key notice SPDF5309 is a message rather than a warning.</summary>
    public bool EphemeralKeyAccepted { get; set; }

    [Required]
    public string ProjectFullPath { get; set; } = "";

    /// <summary>ISO 8601 UTC from <c>SpdfResolveBuildTimestamp</c>.</summary>
    [Required]
    public string BuildTimestamp { get; set; } = "";

    /// <summary><c>SourceDateEpoch</c> makes signing and run times the build time stamp, for reproducible bytes.</summary>
    public string BuildTimestampOrigin { get; set; } = "";

    public string BuildStartedOn { get; set; } = "";

    public string Configuration { get; set; } = "";

    public string TargetFramework { get; set; } = "";

    public string RuntimeIdentifier { get; set; } = "";

    public string SdkVersion { get; set; } = "";

    /// <summary>Optional: <c>RepositoryUrl</c>/<c>SourceRevisionId</c> when set; otherwise git is asked.</summary>
    public string RepositoryUrl { get; set; } = "";

    public string RepositoryCommit { get; set; } = "";

    /// <summary>Git facts from <c>SpdfResolveGitFacts</c> (the task never starts git): work-tree root, HEAD commit, origin URL.</summary>
    public string GitRepositoryRoot { get; set; } = "";

    public string GitCommit { get; set; } = "";

    public string GitRemoteUrl { get; set; } = "";

    [Output]
    public ITaskItem[] WrittenFiles { get; private set; } = Array.Empty<ITaskItem>();

    [Output]
    public string KeyFingerprint { get; private set; } = "";

    protected override void ExecuteCore()
    {
        var reproducible = string.Equals(BuildTimestampOrigin, nameof(Core.BuildTimestamp.Origin.SourceDateEpoch), StringComparison.Ordinal);
        var buildTime = DateTimeOffset.Parse(BuildTimestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        var signingTime = reproducible ? buildTime : DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var projectDirectory = Path.GetDirectoryName(ProjectFullPath)!;

        var specification = SigningKeySpecification.Parse(SigningKey);
        using var identity = SigningKeyLoader.Load(specification, SigningCertificate, SigningKeyPasswordVariable, projectDirectory, signingTime);
        if (identity.IsEphemeral)
            ReportEphemeralKey();

        var source = RepositoryCommit.Length > 0
            ? new SourceRevision(GitRepository.WithoutCredentials(RepositoryUrl.Length > 0 ? RepositoryUrl : GitRemoteUrl), RepositoryCommit)
            : GitCommit.Length > 0 ? new SourceRevision(GitRepository.WithoutCredentials(GitRemoteUrl), GitCommit) : null;
        var project = GitRepositoryRoot.Length > 0 && ProjectFullPath.StartsWith(GitRepositoryRoot, StringComparison.Ordinal)
            ? Path.GetRelativePath(GitRepositoryRoot, ProjectFullPath).Replace('\\', '/')
            : Path.GetFileName(ProjectFullPath);

        var build = new BuildDescription(
            project,
            Configuration,
            TargetFramework,
            RuntimeIdentifier,
            SdkVersion,
            SpdfBuildVersion(),
            source,
            BuilderIdentityDetector.Detect(Environment.GetEnvironmentVariable),
            reproducible || BuildStartedOn.Length == 0 ? Core.BuildTimestamp.Format(signingTime) : BuildStartedOn,
            Core.BuildTimestamp.Format(signingTime));

        var result = EvidenceSigner.Sign(new EvidenceSigningRequest(
            OutputDirectory,
            EvidenceDirectory,
            Files.Select(f => f.GetMetadata("FullPath")).ToArray(),
            identity,
            signingTime,
            build));

        WrittenFiles = result.WrittenFiles.Select(f => (ITaskItem)new TaskItem(f)).ToArray();
        KeyFingerprint = identity.KeyFingerprint;
        Log.LogMessage(
            MessageImportance.Normal,
            "Spdf.Build signed {0} files in {1} with key {2} (SHA-256 of the public key{3}).",
            result.Manifest.Files.Count,
            OutputDirectory,
            identity.KeyFingerprint,
            identity.IsEphemeral ? ", ephemeral" : "");
    }

    private void ReportEphemeralKey()
    {
        const string text = "The artefacts are signed with an ephemeral key created for this build: the signatures prove integrity (nothing changed after the build), not origin (who built it). Configure SpdfSigningKey with your organisation's key for release evidence.";
        if (EphemeralKeyAccepted)
            Log.LogMessage(MessageImportance.High, "{0}: {1} (SpdfAcceptEphemeralKey=true)", DiagnosticIds.EphemeralSigningKey, text);
        else
            LogSpdfWarning(DiagnosticIds.EphemeralSigningKey, text, ProjectFullPath);
    }

    private static string SpdfBuildVersion()
    {
        var assembly = typeof(SignArtifacts).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return informational ?? assembly.GetName().Version?.ToString() ?? "unknown";
    }
}
