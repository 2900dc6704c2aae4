using System;

namespace Spdf.Build.Analyzers.InputHandling;

/// <summary>
/// What a value may still carry into a sink. Device input starts with every sink bit set; a sanitizer clears
/// the bits of the sinks it makes safe (<c>Path.GetFileName</c> clears the path bits, <c>Regex.Escape</c> the
/// pattern bit, an allow-list check all of them).
/// </summary>
[Flags]
internal enum TaintFlags : uint
{
    None = 0,
    ProcessStart = 1 << 0,
    SqlCommand = 1 << 1,
    FilePath = 1 << 2,
    XPath = 1 << 3,
    LdapQuery = 1 << 4,
    RegexPattern = 1 << 5,
    TypeName = 1 << 6,
    LogTemplate = 1 << 7,
    FormatString = 1 << 8,
    RegexInput = 1 << 9,
    DeserializationType = 1 << 10,

    /// <summary>Data read from a port, socket, console, command line, environment or marked parser.</summary>
    DeviceInput = ProcessStart | SqlCommand | FilePath | XPath | LdapQuery | RegexPattern | TypeName | LogTemplate
                  | FormatString | RegexInput | DeserializationType,

    /// <summary>The name of an entry inside an archive (zip slip source).</summary>
    ArchiveEntryPath = 1 << 16,

    /// <summary>An exception, its message or stack trace (information exposure source).</summary>
    ExceptionDetail = 1 << 17,

    /// <summary>What an allow-list check (membership in a constant set, equality with a constant) clears.</summary>
    AllowListed = DeviceInput | ArchiveEntryPath,

    /// <summary>What a canonical path check (<c>Path.GetFileName</c>, <c>GetFullPath</c> + <c>StartsWith</c>) clears.</summary>
    PathSafe = FilePath | ArchiveEntryPath,
}
