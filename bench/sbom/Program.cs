using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Spdf.Build.Core.Sbom;
using Spdf.Build.Tasks.Tests.Sbom;

// Generates a restore with 500 packages (50 direct references, each package depending on up to three later
// ones), then times what GenerateSbom does: read assets file and packages folder, walk the graph, match the
// OSV advisories given as the first argument, write the SBOM and the addendum. The first run in this fresh
// process is the cold one (JIT included), as in a build; then the median of 20 warm runs.
const int PackageCount = 500;
var advisories = args.Length > 0 ? args[0] : null;

using var restore = new GeneratedRestore();
for (var i = 0; i < PackageCount; i++)
{
    var dependencies = Enumerable.Range(i + 1, 3).Where(d => d < PackageCount && (d * 7 + i) % 3 != 0).Select(Name);
    restore.AddPackage(Name(i), $"{1 + (i % 9)}.{i % 5}.{i}", dependencies: dependencies, authors: i % 4 == 0 ? "Microsoft" : "Fabrikam");
}

for (var i = 0; i < 50; i++)
    restore.AddDirect(Name(i * 10));
restore.Write();

var request = restore.Request(o => { o.VulnerabilityDatabase = advisories; o.VulnerabilityPolicyIsError = false; });
var output = Path.Combine(restore.Root, "out");
// Wall time, and the process's CPU time: on a shared machine (several builds on two cores) the CPU time is the
// fairer figure; both are printed.
var cpu = TimeSpan.Zero;
double Run()
{
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var stopwatch = Stopwatch.StartNew();
    var (document, _) = SbomBuilder.Build(request);
    File.WriteAllBytes(Path.Combine(output, "app.cdx.json"), CycloneDxWriter.Write(document));
    File.WriteAllText(Path.Combine(output, "app.fda-sbom.csv"), FdaSbomAddendum.Csv(document));
    File.WriteAllText(Path.Combine(output, "app.fda-sbom.md"), FdaSbomAddendum.Markdown(document));
    cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
    return stopwatch.Elapsed.TotalMilliseconds;
}

Directory.CreateDirectory(output);
var jittedBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
var jitTimeBefore = System.Runtime.JitInfo.GetCompilationTime();
var cold = Run();
var coldCpu = cpu;
var coldJitted = System.Runtime.JitInfo.GetCompiledMethodCount() - jittedBefore;
var coldJitTime = System.Runtime.JitInfo.GetCompilationTime() - jitTimeBefore;
var runs = Enumerable.Range(0, 20).Select(_ => (Wall: Run(), Cpu: cpu.TotalMilliseconds)).ToArray();
var warm = runs.Select(r => r.Wall).OrderBy(t => t).ToArray();
var warmCpu = runs.Select(r => r.Cpu).OrderBy(t => t).ToArray();
var components = SbomBuilder.Build(request).Document.Components.Count;
Console.WriteLine($"500-package restore: {components} components in the SBOM, advisories: {advisories ?? "none"}");
Console.WriteLine($"cold (first run, JIT included): {cold:F0} ms wall, {coldCpu.TotalMilliseconds:F0} ms CPU");
Console.WriteLine($"  of which JIT: {coldJitted} methods compiled, {coldJitTime.TotalMilliseconds:F0} ms");
Console.WriteLine($"warm median of 20: {warm[10]:F1} ms wall (min {warm[0]:F1}, max {warm[^1]:F1}), {warmCpu[10]:F1} ms CPU");
Console.WriteLine($"machine load average: {File.ReadAllText("/proc/loadavg").Split(' ')[0]} on {Environment.ProcessorCount} cores");

static string Name(int i) => $"Bench.Package{i:D3}";
