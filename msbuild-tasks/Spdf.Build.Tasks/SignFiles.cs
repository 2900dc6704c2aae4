using System;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Spdf.Build.Core;
using Spdf.Build.Core.Signing;

namespace Spdf.Build.Tasks;

/// <summary>
/// Writes a detached CMS signature <c>&lt;file&gt;.p7s</c> next to each of <see cref="Files"/>, for deliverables
/// made after the output folder was signed (the <c>.nupkg</c> of <c>dotnet pack</c>). Same key settings and
/// password handling as <see cref="SignArtifacts"/>.
/// </summary>
public sealed class SignFiles : SpdfTask
{
    [Required]
    public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();

    [Required]
    public string SigningKey { get; set; } = "";

    public string SigningCertificate { get; set; } = "";

    /// <summary>The <em>name</em> of the environment variable holding the key password.</summary>
    public string SigningKeyPasswordVariable { get; set; } = "";

    [Required]
    public string ProjectFullPath { get; set; } = "";

    [Required]
    public string BuildTimestamp { get; set; } = "";

    public string BuildTimestampOrigin { get; set; } = "";

    [Output]
    public ITaskItem[] SignatureFiles { get; private set; } = Array.Empty<ITaskItem>();

    protected override void ExecuteCore()
    {
        var reproducible = string.Equals(BuildTimestampOrigin, nameof(Core.BuildTimestamp.Origin.SourceDateEpoch), StringComparison.Ordinal);
        var signingTime = reproducible
            ? DateTimeOffset.Parse(BuildTimestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
            : DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        using var identity = SigningKeyLoader.Load(
            SigningKeySpecification.Parse(SigningKey), SigningCertificate, SigningKeyPasswordVariable, Path.GetDirectoryName(ProjectFullPath)!, signingTime);

        SignatureFiles = Files.Select(item =>
        {
            var file = item.GetMetadata("FullPath");
            var signature = file + EvidenceSigner.SignatureExtension;
            AtomicFile.WriteAllBytes(signature, CmsDetachedSignature.Sign(File.ReadAllBytes(file), identity, signingTime));
            Log.LogMessage(MessageImportance.Normal, "Spdf.Build signed {0} with key {1}.", file, identity.KeyFingerprint);
            return (ITaskItem)new TaskItem(signature);
        }).ToArray();
    }
}
