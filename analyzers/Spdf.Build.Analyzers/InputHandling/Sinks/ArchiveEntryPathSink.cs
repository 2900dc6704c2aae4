using Microsoft.CodeAnalysis;
using Spdf.Build.Analyzers.Infrastructure;

namespace Spdf.Build.Analyzers.InputHandling.Sinks;

/// <summary>
/// SPDF3012 (zip slip): the name of a zip or tar entry reaches a file-system path (the members of
/// <see cref="FilePathSink"/>) without <c>Path.GetFileName</c> or a <c>GetFullPath</c> + <c>StartsWith</c> check.
/// </summary>
internal static class ArchiveEntryPathSink
{
    public static readonly DiagnosticDescriptor Rule = SpdfDescriptors.Create(
        DiagnosticIds.ArchiveEntryPathTraversal,
        title: "Check archive entry paths before extracting",
        messageFormat: "The archive entry name from {0} reaches a file-system path without a canonical prefix check (zip slip)",
        RuleCategory.InputHandling,
        FalsePositivePolicy.Precise,
        cwe: 22,
        description: "An entry named '../../firmware/boot.bin' writes outside the extraction folder. Combine the entry name " +
                     "with the destination, take Path.GetFullPath of the result and check it StartsWith the full destination " +
                     "path (with a trailing separator) before writing.");
}
