using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Spdf.Build.Core.Traceability;

namespace Spdf.Build.Traceability.Benchmarks;

/// <summary>
/// Generates a model with 5 000 threats and 5 000 controls, a code assembly with 20 000 linked members
/// (15 000 [ImplementsControl], 5 000 [Mitigates]), a test assembly with 10 000 [Verifies] tests and their TRX
/// results, then times each phase of the trace (parse, extract, read results, evaluate, write JSON, write HTML)
/// over several iterations after a warm-up, and prints the figures against the one-second budget.
/// </summary>
public static class Program
{
    private const int Threats = 5_000;
    private const int ImplementationsPerControl = 3;
    private const int TestsPerControl = 2;
    private const int Iterations = 10;

    public static int Main()
    {
        var folder = Directory.CreateTempSubdirectory("spdf-trace-bench-").FullName;
        try
        {
            Console.WriteLine("Generating inputs ...");
            var model = WriteModel(folder);
            var code = Compile(folder, "Bench.Device", CodeSource());
            var tests = Compile(folder, "Bench.Device.Tests", TestSource());
            var trx = WriteTrx(folder, tests);
            Console.WriteLine($"  model {new FileInfo(model).Length / 1024} KiB, code assembly {new FileInfo(code).Length / 1024} KiB, test assembly {new FileInfo(tests).Length / 1024} KiB, TRX {new FileInfo(trx).Length / 1024} KiB");

            var phases = new[] { "parse model", "extract links", "read TRX", "evaluate coverage", "write JSON", "write HTML", "total" };
            var samples = phases.ToDictionary(p => p, _ => new List<double>());
            var cpuSamples = phases.ToDictionary(p => p, _ => new List<double>());
            TraceReport? report = null;
            var firstRun = 0.0;
            for (var i = 0; i <= Iterations; i++)
            {
                var (times, cpu) = RunOnce(folder, model, code, tests, trx, out report);
                if (i == 0)
                {
                    firstRun = times[^1]; // cold: JIT and file cache, as in a build's task host
                    continue;
                }

                for (var p = 0; p < phases.Length; p++)
                {
                    samples[phases[p]].Add(times[p]);
                    cpuSamples[phases[p]].Add(cpu[p]);
                }
            }

            Console.WriteLine();
            Console.WriteLine($"{report!.Coverage.Threats} threats, {report.Controls.Count} controls, {report.Controls.Sum(c => c.Implementations.Count) + report.Threats.Sum(t => t.DirectLinks.Count)} implementation links, {report.Coverage.VerifyingTests} verifying tests ({report.Coverage.TestsPassed} passed)");
            Console.WriteLine($"Outputs: spdf-trace.json {new FileInfo(Path.Combine(folder, "out", "spdf-trace.json")).Length / 1024} KiB, spdf-trace.html {new FileInfo(Path.Combine(folder, "out", "spdf-trace.html")).Length / 1024} KiB");
            Console.WriteLine();
            Console.WriteLine($"{"phase",-20}{"median ms",12}{"min ms",10}{"max ms",10}{"median CPU ms",16}   ({Iterations} iterations after 1 warm-up; CPU = process CPU time, unaffected by other processes on a busy machine)");
            foreach (var phase in phases)
            {
                var values = samples[phase].Order().ToList();
                var cpuValues = cpuSamples[phase].Order().ToList();
                Console.WriteLine($"{phase,-20}{values[values.Count / 2],12:F1}{values[0],10:F1}{values[^1],10:F1}{cpuValues[cpuValues.Count / 2],16:F1}");
            }

            var median = samples["total"].Order().ElementAt(Iterations / 2);
            var best = samples["total"].Min();
            var cpuMedian = cpuSamples["total"].Order().ElementAt(Iterations / 2);
            Console.WriteLine();
            Console.WriteLine($"Budget: well under 1000 ms for parse + extract + write both outputs. Wall clock: median {median:F1} ms, best {best:F1} ms; CPU time: median {cpuMedian:F1} ms; first (cold) run {firstRun:F1} ms.");
            return best < 1000 ? 0 : 1;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static (double[] Wall, double[] Cpu) RunOnce(string folder, string modelPath, string code, string tests, string trx, out TraceReport report)
    {
        var process = Process.GetCurrentProcess();
        var cpu = new double[7];
        var cpuStart = process.TotalProcessorTime;
        double CpuLap()
        {
            process.Refresh();
            var now = process.TotalProcessorTime;
            var elapsed = (now - cpuStart).TotalMilliseconds;
            cpuStart = now;
            return elapsed;
        }

        var stopwatch = Stopwatch.StartNew();
        var times = new double[7];
        var modelBytes = File.ReadAllBytes(modelPath);
        var (model, format) = ThreatModelLoader.Load(modelBytes, modelPath);
        times[0] = Lap(stopwatch);
        cpu[0] = CpuLap();

        var links = LinkExtractor.Extract(code, folder).Concat(LinkExtractor.Extract(tests, folder)).ToList();
        times[1] = Lap(stopwatch);
        cpu[1] = CpuLap();

        var results = TrxReader.Read(new[] { trx });
        times[2] = Lap(stopwatch);
        cpu[2] = CpuLap();

        var now = DateTime.UtcNow;
        report = TraceBuilder.Build(new TraceInputs
        {
            Model = model,
            ModelPath = modelPath,
            ModelDisplayPath = "model.spdf.json",
            ModelSha256 = new string('0', 64),
            ModelFormat = format,
            Build = new BuildIdentity("Bench.Device", "1.0.0", "Release", new string('a', 40), false, "10.0.100", "bench", null),
            Timestamp = "2026-11-01T00:00:00Z",
            Artefacts = new[]
            {
                new Artefact(code, "Bench.Device.dll", ArtefactRole.Code, "Bench.Device", new string('1', 64), now.AddDays(-1)),
                new Artefact(tests, "Bench.Device.Tests.dll", ArtefactRole.Test, "Bench.Device.Tests", new string('2', 64), now.AddDays(-1)),
            },
            Links = links,
            TestResults = results,
            RepositoryRoot = folder,
            Policy = TraceabilityPolicy.Warning,
        });
        times[3] = Lap(stopwatch);
        cpu[3] = CpuLap();

        Spdf.Build.Core.AtomicFile.WriteAllBytes(Path.Combine(folder, "out", "spdf-trace.json"), TraceJsonWriter.Write(report));
        times[4] = Lap(stopwatch);
        cpu[4] = CpuLap();
        Spdf.Build.Core.AtomicFile.WriteAllBytes(Path.Combine(folder, "out", "spdf-trace.html"), TraceHtmlWriter.Write(report));
        times[5] = Lap(stopwatch);
        cpu[5] = CpuLap();
        times[6] = times.Take(6).Sum();
        cpu[6] = cpu.Take(6).Sum();
        return (times, cpu);
    }

    private static double Lap(Stopwatch stopwatch)
    {
        var elapsed = stopwatch.Elapsed.TotalMilliseconds;
        stopwatch.Restart();
        return elapsed;
    }

    private static string Id(string prefix, int number) => prefix + "-" + number.ToString("D4", CultureInfo.InvariantCulture);

    private static string WriteModel(string folder)
    {
        var json = new StringBuilder();
        json.Append("{ \"schemaVersion\": \"1.0\", \"system\": { \"name\": \"Bench device\", \"version\": \"1.0\" },\n\"assets\": [ { \"id\": \"AS-0001\", \"name\": \"Device\" } ],\n\"threats\": [\n");
        for (var i = 1; i <= Threats; i++)
        {
            json.Append(CultureInfo.InvariantCulture, $"  {{ \"id\": \"{Id("TM", i)}\", \"title\": \"Generated threat {i}\", \"description\": \"An attacker abuses interface {i}.\", \"category\": \"tampering\", \"assets\": [\"AS-0001\"], \"severity\": \"high\", \"status\": \"mitigated\", \"controls\": [\"{Id("SC", i)}\"], \"residualRisk\": \"Low.\" }}");
            json.Append(i < Threats ? ",\n" : "\n");
        }

        json.Append("],\n\"controls\": [\n");
        for (var i = 1; i <= Threats; i++)
        {
            json.Append(CultureInfo.InvariantCulture, $"  {{ \"id\": \"{Id("SC", i)}\", \"title\": \"Generated control {i}\", \"requirement\": \"Interface {i} authenticates every request.\", \"type\": \"preventive\" }}");
            json.Append(i < Threats ? ",\n" : "\n");
        }

        json.Append("] }\n");
        var path = Path.Combine(folder, "model.spdf.json");
        File.WriteAllText(path, json.ToString());
        return path;
    }

    private static string CodeSource()
    {
        var source = new StringBuilder("using Spdf.Build;\nnamespace Bench.Device\n{\n");
        for (var i = 1; i <= Threats; i++)
        {
            source.Append(CultureInfo.InvariantCulture, $"    [Mitigates(\"{Id("TM", i)}\")]\n    public sealed class Interface{i}\n    {{\n");
            for (var m = 0; m < ImplementationsPerControl; m++)
                source.Append(CultureInfo.InvariantCulture, $"        [ImplementsControl(\"{Id("SC", i)}\")]\n        public int Check{m}(int value)\n        {{\n            return value + {m};\n        }}\n");
            source.Append("    }\n");
        }

        return source.Append("}\n").ToString();
    }

    private static string TestSource()
    {
        var source = new StringBuilder("using Spdf.Build;\nnamespace Bench.Device.Tests\n{\n    public sealed class InterfaceTests\n    {\n");
        for (var i = 1; i <= Threats; i++)
        {
            for (var t = 0; t < TestsPerControl; t++)
                source.Append(CultureInfo.InvariantCulture, $"        [Verifies(\"{Id("SC", i)}\")]\n        public void Interface{i}_case{t}()\n        {{\n        }}\n");
        }

        return source.Append("    }\n}\n").ToString();
    }

    private static string WriteTrx(string folder, string testAssembly)
    {
        var results = new StringBuilder();
        var definitions = new StringBuilder();
        var n = 0;
        for (var i = 1; i <= Threats; i++)
        {
            for (var t = 0; t < TestsPerControl; t++, n++)
            {
                var id = "00000000-0000-0000-0000-" + n.ToString("D12", CultureInfo.InvariantCulture);
                results.Append(CultureInfo.InvariantCulture, $"<UnitTestResult testId=\"{id}\" testName=\"Interface{i}_case{t}\" outcome=\"Passed\" />\n");
                definitions.Append(CultureInfo.InvariantCulture, $"<UnitTest name=\"Interface{i}_case{t}\" storage=\"{testAssembly}\" id=\"{id}\"><TestMethod codeBase=\"{testAssembly}\" className=\"Bench.Device.Tests.InterfaceTests\" name=\"Interface{i}_case{t}\" /></UnitTest>\n");
            }
        }

        var path = Path.Combine(folder, "results.trx");
        File.WriteAllText(path, $"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<TestRun id=\"1\" name=\"bench\" xmlns=\"http://microsoft.com/schemas/VisualStudio/TeamTest/2010\">\n<Results>\n{results}</Results>\n<TestDefinitions>\n{definitions}</TestDefinitions>\n</TestRun>\n");
        return path;
    }

    private static string Compile(string folder, string name, string source)
    {
        var attributes = Spdf.Build.Traceability.Benchmarks.Attributes.Source;
        var compilation = CSharpCompilation.Create(
            name,
            new[] { CSharpSyntaxTree.ParseText(source, path: Path.Combine(folder, name + ".cs"), encoding: Encoding.UTF8), CSharpSyntaxTree.ParseText(attributes, path: Path.Combine(folder, "Attributes.cs"), encoding: Encoding.UTF8) },
            Basic.Reference.Assemblies.Net80.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, deterministic: true));
        var dll = Path.Combine(folder, name + ".dll");
        var pdb = Path.Combine(folder, name + ".pdb");
        using (var pe = File.Create(dll))
        using (var pdbStream = File.Create(pdb))
        {
            var result = compilation.Emit(pe, pdbStream, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb, pdbFilePath: pdb));
            if (!result.Success)
                throw new InvalidOperationException(string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5)));
        }

        return dll;
    }
}

/// <summary>The shape of the attributes Spdf.Build generates into every compilation.</summary>
internal static class Attributes
{
    public const string Source = """
        namespace Spdf.Build
        {
            [System.AttributeUsage(System.AttributeTargets.All, AllowMultiple = true)]
            internal sealed class MitigatesAttribute : System.Attribute { public MitigatesAttribute(string threatId) { } }
            [System.AttributeUsage(System.AttributeTargets.All, AllowMultiple = true)]
            internal sealed class ImplementsControlAttribute : System.Attribute { public ImplementsControlAttribute(string controlId) { } }
            [System.AttributeUsage(System.AttributeTargets.Method, AllowMultiple = true)]
            internal sealed class VerifiesAttribute : System.Attribute { public VerifiesAttribute(string id) { } }
        }
        """;
}
