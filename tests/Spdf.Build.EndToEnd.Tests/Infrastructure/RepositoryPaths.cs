using System;
using System.IO;

namespace Spdf.Build.EndToEnd.Tests.Infrastructure;

/// <summary>Locates the repository (the folder holding Spdf.Build.sln) and the shared third-party data beside it.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary><c>../shared/data</c> next to the repository root.</summary>
    public static string SharedData => Path.GetFullPath(Path.Combine(Root, "..", "shared", "data"));

    public static string SampleDeviceApp => Path.Combine(Root, "sample-device-app");

    public static string InRepository(params string[] parts) => Path.Combine(Root, Path.Combine(parts));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Spdf.Build.sln")))
                return directory.FullName;
        }

        throw new InvalidOperationException("Spdf.Build.sln not found above " + AppContext.BaseDirectory);
    }
}
