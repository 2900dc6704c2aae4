using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Xml;
using System.Xml.Linq;

namespace Spdf.Build.Core.Traceability;

/// <summary>One TRX file: its SHA-256 and the test assemblies (file names) whose results it holds.</summary>
public sealed record TestResultFile(string Path, string Sha256, DateTime LastWriteTimeUtc, IReadOnlyCollection<string> AssemblyFileNames);

/// <summary>
/// The aggregated outcome of one test method (<c>Namespace.Class.Method</c>): passed only when every one of
/// its results (theory cases, reruns, several TRX files) passed.
/// </summary>
public sealed record TestOutcome(string Test, bool Passed, int ResultCount, int FailedCount, string ResultFile, string ResultFileSha256);

public sealed class TestResults
{
    public TestResults(IReadOnlyList<TestResultFile> files, IReadOnlyDictionary<string, TestOutcome> byTest)
    {
        Files = files;
        ByTest = byTest;
    }

    public static TestResults Empty { get; } = new(Array.Empty<TestResultFile>(), new Dictionary<string, TestOutcome>());

    public IReadOnlyList<TestResultFile> Files { get; }

    public IReadOnlyDictionary<string, TestOutcome> ByTest { get; }
}

/// <summary>Reads Visual Studio TRX files (what <c>dotnet test --logger trx</c> writes).</summary>
public static class TrxReader
{
    private static readonly XNamespace Trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    public static TestResults Read(IEnumerable<string> paths)
    {
        var files = new List<TestResultFile>();
        var outcomes = new Dictionary<string, TestOutcome>(StringComparer.Ordinal);
        foreach (var path in paths.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).OrderBy(p => p, StringComparer.Ordinal))
        {
            var bytes = ReadBytes(path);
            var sha256 = Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();
            var assemblies = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (test, passed) in ReadResults(bytes, path, assemblies))
            {
                outcomes[test] = outcomes.TryGetValue(test, out var previous)
                    ? previous with
                    {
                        Passed = previous.Passed && passed,
                        ResultCount = previous.ResultCount + 1,
                        FailedCount = previous.FailedCount + (passed ? 0 : 1),
                        ResultFile = passed ? previous.ResultFile : path,
                        ResultFileSha256 = passed ? previous.ResultFileSha256 : sha256,
                    }
                    : new TestOutcome(test, passed, 1, passed ? 0 : 1, path, sha256);
            }

            files.Add(new TestResultFile(path, sha256, File.GetLastWriteTimeUtc(path), assemblies));
        }

        return new TestResults(files, outcomes);
    }

    private static byte[] ReadBytes(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new SpdfException(DiagnosticIds.TestResultsMalformed, $"Cannot read the test results '{path}': {exception.Message}", path, innerException: exception);
        }
    }

    /// <summary>Streams the file (TRX files of large suites run to many megabytes): definitions and results may come in either order.</summary>
    private static IEnumerable<(string Test, bool Passed)> ReadResults(byte[] bytes, string path, ISet<string> assemblies)
    {
        var methods = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var results = new List<(string TestId, bool Passed, int Line, int Column)>();
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true, IgnoreComments = true });
            var lineInfo = (IXmlLineInfo)reader;
            reader.MoveToContent();
            if (reader.LocalName != "TestRun" || reader.NamespaceURI != Trx.NamespaceName)
                throw new SpdfException(DiagnosticIds.TestResultsMalformed, $"Not a TRX file: the root element is '{reader.LocalName}', expected 'TestRun'.", path, lineInfo.LineNumber, lineInfo.LinePosition);

            string? unitTestId = null;
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element || reader.NamespaceURI != Trx.NamespaceName)
                    continue;
                switch (reader.LocalName)
                {
                    case "UnitTest":
                        unitTestId = reader.GetAttribute("id") ?? throw Malformed(path, lineInfo, "A UnitTest has no id.");
                        if (reader.GetAttribute("storage") is { } storage)
                            assemblies.Add(Path.GetFileName(storage.Replace('\\', '/')));
                        break;
                    case "TestMethod" when unitTestId is not null:
                        var className = reader.GetAttribute("className");
                        var name = reader.GetAttribute("name");
                        if (className is null || name is null)
                            throw Malformed(path, lineInfo, "A TestMethod has no className or name.");
                        methods[unitTestId] = className + "." + name;
                        if (reader.GetAttribute("codeBase") is { } codeBase)
                            assemblies.Add(Path.GetFileName(codeBase.Replace('\\', '/')));
                        unitTestId = null;
                        break;
                    case "UnitTestResult":
                        var testId = reader.GetAttribute("testId") ?? throw Malformed(path, lineInfo, "A UnitTestResult has no testId.");
                        results.Add((testId, string.Equals(reader.GetAttribute("outcome"), "Passed", StringComparison.Ordinal), lineInfo.LineNumber, lineInfo.LinePosition));
                        break;
                }
            }
        }
        catch (XmlException exception)
        {
            throw new SpdfException(DiagnosticIds.TestResultsMalformed, "The test results are not valid XML: " + exception.Message, path, exception.LineNumber, exception.LinePosition, exception);
        }

        foreach (var (testId, passed, line, column) in results)
        {
            if (!methods.TryGetValue(testId, out var test))
                throw new SpdfException(DiagnosticIds.TestResultsMalformed, $"The UnitTestResult for test {testId} has no matching UnitTest definition.", path, line, column);
            yield return (test, passed);
        }
    }

    private static SpdfException Malformed(string path, IXmlLineInfo position, string message)
        => new(DiagnosticIds.TestResultsMalformed, message, path, position.LineNumber, position.LinePosition);
}
