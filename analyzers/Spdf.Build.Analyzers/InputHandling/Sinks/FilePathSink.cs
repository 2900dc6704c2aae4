using Microsoft.CodeAnalysis;
using Spdf.Build.Analyzers.Infrastructure;

namespace Spdf.Build.Analyzers.InputHandling.Sinks;

/// <summary>SPDF3003: device input in a file-system path (CWE-22).</summary>
internal static class FilePathSink
{
    public static readonly DiagnosticDescriptor Rule = SpdfDescriptors.Create(
        DiagnosticIds.UntrustedInputInFilePath,
        title: "Do not use untrusted input as a file-system path",
        messageFormat: "Untrusted input from {0} reaches a file-system path",
        RuleCategory.InputHandling,
        FalsePositivePolicy.Precise,
        cwe: 22,
        description: "Data read from a port, socket, console, command line or environment must not choose which file a device reads, writes or deletes. Reduce it to a file name with Path.GetFileName, or combine it with a fixed root and check the Path.GetFullPath result with StartsWith before use.");

    public static readonly TaintSinkDefinition Definition = new(
        Rule,
        TaintFlags.FilePath,
        "a file-system path",
        SinkMember.AnyMethod("System.IO.File", FilePathParameters.Names),
        SinkMember.AnyMethod("System.IO.Directory", FilePathParameters.Names),
        SinkMember.Constructor("System.IO.FileInfo", FilePathParameters.Names),
        SinkMember.Constructor("System.IO.DirectoryInfo", FilePathParameters.Names),
        SinkMember.Methods("System.IO.FileInfo", new[] { "CopyTo", "MoveTo", "Replace" }, FilePathParameters.Names),
        SinkMember.Methods("System.IO.DirectoryInfo", new[] { "MoveTo", "CreateSubdirectory" }, FilePathParameters.Names),
        SinkMember.Constructor("System.IO.FileStream", FilePathParameters.Names),
        SinkMember.Constructor("System.IO.StreamReader", FilePathParameters.Names),
        SinkMember.Constructor("System.IO.StreamWriter", FilePathParameters.Names),
        SinkMember.AnyMethod("System.IO.Compression.ZipFile", FilePathParameters.Names),
        SinkMember.AnyMethod("System.IO.Compression.ZipFileExtensions", FilePathParameters.Names),
        SinkMember.AnyMethod("System.Formats.Tar.TarFile", FilePathParameters.Names),
        SinkMember.Methods("System.Formats.Tar.TarEntry", new[] { "ExtractToFile", "ExtractToFileAsync" }, FilePathParameters.Names));
}
