using System;

namespace Spdf.Build.Core;

/// <summary>
/// A problem with the user's input or configuration that Spdf.Build reports as an <c>SPDFnnnn</c> error naming
/// the file and, where known, the line. Tasks and the CLI print its message, never its stack trace.
/// </summary>
public sealed class SpdfException : Exception
{
    public SpdfException(string diagnosticId, string message, string? file = null, int line = 0, int column = 0, Exception? innerException = null)
        : base(message, innerException)
    {
        DiagnosticId = diagnosticId;
        File = file;
        Line = line;
        Column = column;
    }

    public string DiagnosticId { get; }

    public string? File { get; }

    /// <summary>1-based line in <see cref="File"/>, or 0 when the problem has no line.</summary>
    public int Line { get; }

    /// <summary>1-based column in <see cref="File"/>, or 0 when unknown.</summary>
    public int Column { get; }
}
