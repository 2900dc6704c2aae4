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

    private static IEnumerable<(string Test, bool Passed)> ReadResults(byte[] bytes, string path, ISet<string> assemblies)
    {
        XDocument document;
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException exception)
        {
            throw new SpdfException(DiagnosticIds.TestResultsMalformed, "The test results are not valid XML: " + exception.Message, path, exception.LineNumber, exception.LinePosition, exception);
        }

        var root = document.Root!;
        if (root.Name != Trx + "TestRun")
            throw new SpdfException(DiagnosticIds.TestResultsMalformed, $"Not a TRX file: the root element is '{root.Name.LocalName}', expected 'TestRun'.", path, 1, 1);

        var methods = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var unitTest in root.Element(Trx + "TestDefinitions")?.Elements(Trx + "UnitTest") ?? Enumerable.Empty<XElement>())
        {
            var method = unitTest.Element(Trx + "TestMethod");
            var id = (string?)unitTest.Attribute("id");
            var className = (string?)method?.Attribute("className");
            var name = (string?)method?.Attribute("name");
            if (id is null || className is null || name is null)
                throw Malformed(path, unitTest, "A UnitTest has no id or TestMethod with className and name.");
            methods[id] = className + "." + name;
            if (((string?)method!.Attribute("codeBase") ?? (string?)unitTest.Attribute("storage")) is { } codeBase)
                assemblies.Add(Path.GetFileName(codeBase.Replace('\\', '/')));
        }

        foreach (var result in root.Element(Trx + "Results")?.Elements(Trx + "UnitTestResult") ?? Enumerable.Empty<XElement>())
        {
            var testId = (string?)result.Attribute("testId") ?? throw Malformed(path, result, "A UnitTestResult has no testId.");
            if (!methods.TryGetValue(testId, out var test))
                throw Malformed(path, result, $"The UnitTestResult for test {testId} has no matching UnitTest definition.");
            yield return (test, string.Equals((string?)result.Attribute("outcome"), "Passed", StringComparison.Ordinal));
        }
    }

    private static SpdfException Malformed(string path, XElement element, string message)
    {
        var info = (IXmlLineInfo)element;
        return new SpdfException(DiagnosticIds.TestResultsMalformed, message, path, info.LineNumber, info.LinePosition);
    }
}
