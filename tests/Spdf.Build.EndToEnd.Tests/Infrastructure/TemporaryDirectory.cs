using System;
using System.IO;

namespace Spdf.Build.EndToEnd.Tests.Infrastructure;

public sealed class TemporaryDirectory : IDisposable
{
    public TemporaryDirectory(string prefix) => Path = Directory.CreateTempSubdirectory(prefix).FullName;

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine(Path, System.IO.Path.Combine(parts));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A build server process may still hold a file for a moment; the OS cleans the temp folder.
        }
    }
}
