using System;
using System.IO;

namespace Spdf.Build.Core;

/// <summary>
/// Writes output files so that a reader never sees a half-written file: the content goes to a temporary file
/// in the same folder, which then replaces the target in one rename.
/// </summary>
public static class AtomicFile
{
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> content) => WriteAllBytes(path, content, flushToDisk: true);

    /// <param name="flushToDisk">
    /// False skips the fsync before the rename: readers still never see a partial file, but a power loss may
    /// leave an empty one. For many small outputs that the next build rewrites anyway (signatures), where an
    /// fsync each costs more than the work that produced them.
    /// </param>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> content, bool flushToDisk)
    {
        var fullPath = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(fullPath)!;
        Directory.CreateDirectory(directory);

        var temporaryPath = Path.Combine(directory, "." + Path.GetFileName(fullPath) + "." + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".tmp");
        try
        {
            using (var stream = new FileStream(temporaryPath, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                stream.Write(content);
                stream.Flush(flushToDisk);
            }

            File.Move(temporaryPath, fullPath, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporaryPath))
                File.Delete(temporaryPath);
        }
    }

    public static void WriteAllText(string path, string content)
        => WriteAllBytes(path, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(content));
}
