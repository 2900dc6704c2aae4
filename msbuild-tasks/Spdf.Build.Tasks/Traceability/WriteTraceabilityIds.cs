using System;
using System.IO;
using Microsoft.Build.Framework;
using Spdf.Build.Core;
using Spdf.Build.Core.Traceability;

namespace Spdf.Build.Tasks.Traceability;

/// <summary>
/// Validates the threat model before compilation (so a broken model fails early, at its line) and writes the
/// plain-text ID list the traceability analyzer reads as an AdditionalFiles item. The file is rewritten only
/// when its content changes, so the compiler stays incremental.
/// </summary>
public sealed class WriteTraceabilityIds : SpdfTask
{
    [Required]
    public string ThreatModel { get; set; } = "";

    [Required]
    public string OutputFile { get; set; } = "";

    protected override void ExecuteCore()
    {
        var modelPath = Path.GetFullPath(ThreatModel);
        if (!File.Exists(modelPath))
            throw new SpdfException(DiagnosticIds.ThreatModelNotFound, $"The threat model '{modelPath}' (SpdfThreatModel) does not exist.", modelPath);

        var (model, _) = ThreatModelLoader.Load(modelPath);
        var content = TraceabilityIdList.Write(model, Path.GetFileName(modelPath));
        if (File.Exists(OutputFile) && File.ReadAllBytes(OutputFile).AsSpan().SequenceEqual(content))
        {
            File.SetLastWriteTimeUtc(OutputFile, DateTime.UtcNow);
            return;
        }

        AtomicFile.WriteAllBytes(OutputFile, content);
        Log.LogMessage(MessageImportance.Low, "Spdf.Build: {0} threats, {1} controls from {2}.", model.Threats.Count, model.Controls.Count, modelPath);
    }
}
