using Spdf.Build.Core;
using Spdf.Build.Core.Traceability;

namespace Spdf.Build.Tasks.Tests.Traceability;

public sealed class TrxReaderTests
{
    internal static string Trx(string assemblyPath, params (string Class, string Method, string Outcome)[] results)
    {
        var definitions = new System.Text.StringBuilder();
        var outcomes = new System.Text.StringBuilder();
        for (var i = 0; i < results.Length; i++)
        {
            var id = $"00000000-0000-0000-0000-{i:D12}";
            definitions.Append(System.Globalization.CultureInfo.InvariantCulture, $"<UnitTest name=\"{results[i].Method}(case {i})\" storage=\"{assemblyPath}\" id=\"{id}\"><TestMethod codeBase=\"{assemblyPath}\" className=\"{results[i].Class}\" name=\"{results[i].Method}\" /></UnitTest>\n");
            outcomes.Append(System.Globalization.CultureInfo.InvariantCulture, $"<UnitTestResult testId=\"{id}\" testName=\"{results[i].Method}(case {i})\" outcome=\"{results[i].Outcome}\" />\n");
        }

        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <TestRun id="1" name="run" xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
            <Results>
            {outcomes}</Results>
            <TestDefinitions>
            {definitions}</TestDefinitions>
            </TestRun>
            """;
    }

    [Fact]
    public void Theory_passes_only_when_every_case_passed()
    {
        using var folder = new TemporaryFolder();
        var trx = folder.Write("a.trx", Trx("/bin/Tests.dll",
            ("N.C", "Theory", "Passed"), ("N.C", "Theory", "Failed"), ("N.C", "Theory", "Passed"), ("N.C", "Fact", "Passed")));

        var results = TrxReader.Read(new[] { trx });

        Assert.False(results.ByTest["N.C.Theory"].Passed);
        Assert.Equal((3, 1), (results.ByTest["N.C.Theory"].ResultCount, results.ByTest["N.C.Theory"].FailedCount));
        Assert.True(results.ByTest["N.C.Fact"].Passed);
        Assert.Equal(new[] { "Tests.dll" }, results.Files[0].AssemblyFileNames);
        Assert.Equal(64, results.Files[0].Sha256.Length);
    }

    [Fact]
    public void Not_executed_counts_as_not_passed()
    {
        using var folder = new TemporaryFolder();
        var trx = folder.Write("a.trx", Trx("/bin/Tests.dll", ("N.C", "Skipped", "NotExecuted")));

        Assert.False(TrxReader.Read(new[] { trx }).ByTest["N.C.Skipped"].Passed);
    }

    [Fact]
    public void A_failure_in_any_results_file_wins()
    {
        using var folder = new TemporaryFolder();
        var first = folder.Write("1.trx", Trx("/bin/Tests.dll", ("N.C", "M", "Passed")));
        var second = folder.Write("2.trx", Trx("/bin/Tests.dll", ("N.C", "M", "Failed")));

        var outcome = TrxReader.Read(new[] { first, second }).ByTest["N.C.M"];

        Assert.False(outcome.Passed);
        Assert.Equal(second, outcome.ResultFile);
    }

    [Fact]
    public void Broken_trx_is_SPDF5219_with_line()
    {
        using var folder = new TemporaryFolder();
        var trx = folder.Write("broken.trx", "<TestRun xmlns=\"http://microsoft.com/schemas/VisualStudio/TeamTest/2010\">\n<Results>\n</TestRun>");

        var error = Assert.Throws<SpdfException>(() => TrxReader.Read(new[] { trx }));

        Assert.Equal((DiagnosticIds.TestResultsMalformed, 3, trx), (error.DiagnosticId, error.Line, error.File));
    }
}
