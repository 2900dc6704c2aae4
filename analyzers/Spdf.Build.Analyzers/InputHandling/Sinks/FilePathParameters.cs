namespace Spdf.Build.Analyzers.InputHandling.Sinks;

/// <summary>Names the System.IO, zip and tar APIs give their path parameters.</summary>
internal static class FilePathParameters
{
    public static readonly string[] Names =
    {
        "path", "path1", "path2", "fileName", "sourceFileName", "destFileName", "destinationFileName",
        "destinationBackupFileName", "sourceDirName", "destDirName", "sourceArchiveFileName",
        "destinationArchiveFileName", "destinationDirectoryName", "sourceDirectoryName", "archiveFileName",
        "linkPath", "pathToTarget",
    };
}
