using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;

namespace Spdf.Build.Core.Traceability;

/// <summary>What to trace and where to write it.</summary>
public sealed class TraceGenerationRequest
{
    public required string ThreatModelPath { get; init; }

    public required IReadOnlyList<string> CodeAssemblies { get; init; }

    public required IReadOnlyList<string> TestAssemblies { get; init; }

    public required IReadOnlyList<string> TestResultFiles { get; init; }

    /// <summary>Declared test assemblies that do not exist yet (the test project is built after this one).</summary>
    public IReadOnlyList<string> MissingTestAssemblies { get; init; } = Array.Empty<string>();

    public required BuildIdentity Build { get; init; }

    public required string Timestamp { get; init; }

    public required string JsonOutputPath { get; init; }

    public required string HtmlOutputPath { get; init; }

    public string? RepositoryRoot { get; init; }

    public TraceabilityPolicy Policy { get; init; } = TraceabilityPolicy.Error;

    public bool RequireTestResults { get; init; }
}

/// <summary>Reads the model, the assemblies and the test results, builds the trace and writes both outputs atomically.</summary>
public static class TraceGeneration
{
    public static TraceReport Run(TraceGenerationRequest request)
    {
        var modelPath = Path.GetFullPath(request.ThreatModelPath);
        if (!File.Exists(modelPath))
            throw new SpdfException(DiagnosticIds.ThreatModelNotFound, $"The threat model '{modelPath}' (SpdfThreatModel) does not exist.", modelPath);
        var modelBytes = File.ReadAllBytes(modelPath);
        var (model, format) = ThreatModelLoader.Load(modelBytes, modelPath);

        var artefacts = new List<Artefact>();
        var links = new List<CodeLink>();
        AddAssemblies(request.CodeAssemblies, ArtefactRole.Code, request.RepositoryRoot, artefacts, links);
        AddAssemblies(request.TestAssemblies, ArtefactRole.Test, request.RepositoryRoot, artefacts, links);

        var inputs = new TraceInputs
        {
            Model = model,
            ModelPath = modelPath,
            ModelDisplayPath = TraceJsonWriter.Display(modelPath, request.RepositoryRoot),
            ModelSha256 = Sha256(modelBytes),
            ModelFormat = format,
            Build = request.Build,
            Timestamp = request.Timestamp,
            Artefacts = artefacts,
            Links = links,
            TestResults = TrxReader.Read(request.TestResultFiles),
            MissingTestAssemblies = request.MissingTestAssemblies.Select(p => TraceJsonWriter.Display(Path.GetFullPath(p), request.RepositoryRoot)).ToList(),
            RepositoryRoot = request.RepositoryRoot,
            Policy = request.Policy,
            RequireTestResults = request.RequireTestResults,
        };

        var report = TraceBuilder.Build(inputs);
        AtomicFile.WriteAllBytes(request.JsonOutputPath, TraceJsonWriter.Write(report));
        AtomicFile.WriteAllBytes(request.HtmlOutputPath, TraceHtmlWriter.Write(report));
        return report;
    }

    private static void AddAssemblies(IReadOnlyList<string> paths, ArtefactRole role, string? repositoryRoot, List<Artefact> artefacts, List<CodeLink> links)
    {
        foreach (var path in paths.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).OrderBy(p => p, StringComparer.Ordinal))
        {
            if (artefacts.Any(a => a.Path == path))
                continue;
            var bytes = ReadAssembly(path);
            artefacts.Add(new Artefact(path, TraceJsonWriter.Display(path, repositoryRoot), role, AssemblyName(bytes, path), Sha256(bytes), File.GetLastWriteTimeUtc(path)));
            links.AddRange(LinkExtractor.Extract(path, repositoryRoot));
        }
    }

    private static byte[] ReadAssembly(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new SpdfException(DiagnosticIds.AssemblyUnreadable, $"Cannot read '{path}': {exception.Message}", path, innerException: exception);
        }
    }

    private static string AssemblyName(byte[] bytes, string path)
    {
        try
        {
            using var pe = new PEReader(new MemoryStream(bytes, writable: false));
            var metadata = pe.GetMetadataReader();
            return metadata.GetString(metadata.GetAssemblyDefinition().Name);
        }
        catch (Exception exception) when (exception is BadImageFormatException or InvalidOperationException)
        {
            throw new SpdfException(DiagnosticIds.AssemblyUnreadable, $"'{path}' is not a .NET assembly: {exception.Message}", path, innerException: exception);
        }
    }

    internal static string Sha256(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();
}
