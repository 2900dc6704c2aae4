#!/usr/bin/env bash
# Analyzer benchmark: builds one generated corpus of C# files (default 2 000) once with Spdf.Build's analyzers,
# SecurityCodeScan 5.6.7 and NetAnalyzers (AnalysisLevel=latest-all) loaded together, and once without analyzers,
# with -p:ReportAnalyzer=true, then prints each analyzer package's total execution time, the compile time and
# their ratios. Same compilation, same machine state, same run.
#   bench/analyzers/run.sh [file-count]
set -euo pipefail
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

count="${1:-2000}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="${SPDF_BENCH_DIR:-${TMPDIR:-/tmp}/spdf-analyzer-bench}"

echo "Building Spdf.Build.Analyzers (Release)..."
dotnet build "$repo/analyzers/Spdf.Build.Analyzers/Spdf.Build.Analyzers.csproj" -c Release -nr:false -v:q -nologo >/dev/null
spdf_dll="$repo/analyzers/Spdf.Build.Analyzers/bin/Release/netstandard2.0/Spdf.Build.Analyzers.dll"

rm -rf "$work" && mkdir -p "$work/src"
python3 "$here/generate_corpus.py" "$work/src" "$count"
# Isolate the corpus from any Directory.Build.* / central package management above it.
printf '<Project />\n' >"$work/Directory.Build.props"
printf '<Project />\n' >"$work/Directory.Build.targets"
printf '<Project><PropertyGroup><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup></Project>\n' >"$work/Directory.Packages.props"
cat >"$work/Corpus.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <OutputType>Library</OutputType>
    <Nullable>enable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
    <NoWarn>\$(NoWarn);CS1591;SYSLIB0021;SYSLIB0041;SYSLIB0045</NoWarn>
    <Deterministic>true</Deterministic>
    <EnableDefaultCompileItems>false</EnableDefaultCompileItems>
    <WithAnalyzers Condition="'\$(WithAnalyzers)' == ''">true</WithAnalyzers>
    <WithOtherAnalyzers Condition="'\$(WithOtherAnalyzers)' == ''">\$(WithAnalyzers)</WithOtherAnalyzers>
    <RunAnalyzers>\$(WithAnalyzers)</RunAnalyzers>
    <EnableNETAnalyzers>\$(WithOtherAnalyzers)</EnableNETAnalyzers>
    <AnalysisLevel>latest-all</AnalysisLevel>
    <!-- profile.sh can pass another analyzer build. -->
    <SpdfAnalyzerDll Condition="'\$(SpdfAnalyzerDll)' == ''">$spdf_dll</SpdfAnalyzerDll>
  </PropertyGroup>
  <ItemGroup>
    <Compile Include="src/*.cs" />
  </ItemGroup>
  <ItemGroup Condition="'\$(WithAnalyzers)' == 'true'">
    <Analyzer Include="\$(SpdfAnalyzerDll)" />
  </ItemGroup>
  <ItemGroup>
    <PackageReference Include="SecurityCodeScan.VS2019" Version="5.6.7" PrivateAssets="all" />
  </ItemGroup>
  <!-- Restored once for all builds; only the build with the other tools passes it to the compiler. -->
  <Target Name="_BenchDropOtherAnalyzers" AfterTargets="ResolveLockFileAnalyzers" Condition="'\$(WithOtherAnalyzers)' != 'true'">
    <ItemGroup>
      <Analyzer Remove="@(Analyzer)" Condition="'%(Filename)' != 'Spdf.Build.Analyzers'" />
    </ItemGroup>
  </Target>
</Project>
XML

cd "$work"
echo "Restoring the corpus project (SecurityCodeScan.VS2019 5.6.7)..."
dotnet restore Corpus.csproj -nr:false -v:q >/dev/null

# Every build starts its own compiler process (UseSharedCompilation=false): with the SDK's default compiler server the
# first build would run cold and the later ones warm, and the rounds would not compare. README.md has warm-server runs.
build() { # $1 = log name, $2 = WithAnalyzers, $3 = WithOtherAnalyzers (SecurityCodeScan and NetAnalyzers)
    dotnet build Corpus.csproj --no-restore -nr:false -nologo -v:q -p:UseSharedCompilation=false \
        -p:WithAnalyzers="$2" -p:WithOtherAnalyzers="$3" -p:ReportAnalyzer=true \
        "-flp:logfile=$1.log;verbosity=normal;performancesummary" "-bl:$1.binlog" -p:Configuration=Release -t:Rebuild >/dev/null || true
}

# On a small shared machine one compile can take a third longer than the next, and a single build's analyzer times
# move as much: each round builds the corpus without analyzers, with Spdf.Build alone and with all three tools, in
# that order, three rounds, and the medians are compared.
for round in 1 2 3; do
    echo "Round $round/3: $count files without analyzers, with Spdf.Build alone, with Spdf.Build + SecurityCodeScan + NetAnalyzers..."
    build "baseline-$round" false false
    build "spdf-$round" true false
    build "analyzers-$round" true true
done
# The per-analyzer report is logged at detailed verbosity: replay the binary logs to read it.
for name in analyzers-1 analyzers-2 analyzers-3 spdf-1 spdf-2 spdf-3; do
    dotnet msbuild "$name.binlog" -noconlog "-flp:logfile=$name-detailed.log;verbosity=detailed" >/dev/null
done

python3 - "$work" "$count" <<'PY'
import re, statistics, sys
work, count = sys.argv[1:3]
rounds = (1, 2, 3)

def csc_seconds(path):
    # "    12345 ms  Csc    1 calls" in the task performance summary.
    for line in open(path, encoding="utf-8", errors="replace"):
        m = re.match(r"\s*(\d+) ms\s+Csc\s+\d+ calls", line)
        if m:
            return int(m.group(1)) / 1000
    sys.exit(f"no Csc timing in {path}")

def analyzer_report(path):
    per_assembly = {}
    for line in open(path, encoding="utf-8", errors="replace"):
        # "      1.234   12   Spdf.Build.Analyzers, Version=..." (assembly rows, not the indented per-analyzer rows)
        m = re.match(r"\s*([<\d.,]+)\s+([<\d]+)\s+([A-Za-z][\w.]+), Version=", line)
        if m:
            seconds = 0.0 if m.group(1).startswith("<") else float(m.group(1).replace(",", ""))
            per_assembly[m.group(3)] = per_assembly.get(m.group(3), 0.0) + seconds
    return per_assembly

def sum_of(assemblies, prefix):
    return sum(v for k, v in assemblies.items() if k.startswith(prefix))

def tools(path):
    report = analyzer_report(path)
    return {
        "Spdf.Build.Analyzers": sum_of(report, "Spdf.Build.Analyzers"),
        "SecurityCodeScan.VS2019 5.6.7": sum_of(report, "SecurityCodeScan"),
        "NetAnalyzers (latest-all)": sum_of(report, "Microsoft.CodeAnalysis.NetAnalyzers") + sum_of(report, "Microsoft.CodeAnalysis.CSharp.NetAnalyzers"),
    }

def listed(values, digits):
    return ", ".join(f"{v:.{digits}f}" for v in values)

baselines = [csc_seconds(f"{work}/baseline-{i}.log") for i in rounds]
compile_only = statistics.median(baselines)
compiles_with_all = [csc_seconds(f"{work}/analyzers-{i}.log") for i in rounds]
with_others = [tools(f"{work}/analyzers-{i}-detailed.log") for i in rounds]
alone = [sum_of(analyzer_report(f"{work}/spdf-{i}-detailed.log"), "Spdf.Build.Analyzers") for i in rounds]
compiles_with_spdf = [csc_seconds(f"{work}/spdf-{i}.log") for i in rounds]

print()
print(f"Corpus: {count} generated C# files, one compilation; three rounds, medians")
print(f"Compile without analyzers (Csc task):        {compile_only:8.2f} s   (runs: {listed(baselines, 2)})")
print(f"Compile with all three tools (Csc task):     {statistics.median(compiles_with_all):8.2f} s   (runs: {listed(compiles_with_all, 2)})")
print()
print("With all three tools loaded (ReportAnalyzer, median of three builds):")
print(f"{'Analyzer package':<40}{'time (s)':>10}{'x SPDF':>9}{'% of compile':>14}   runs (s)")
spdf = statistics.median(run["Spdf.Build.Analyzers"] for run in with_others)
medians = {}
for name in with_others[0]:
    runs = [run[name] for run in with_others]
    medians[name] = seconds = statistics.median(runs)
    ratio = seconds / spdf if spdf else float("inf")
    print(f"{name:<40}{seconds:>10.3f}{ratio:>9.1f}{100 * seconds / compile_only:>13.1f}%   {listed(runs, 3)}")
pair_shares = [100 * a / b for a, b in zip(alone, baselines)]
print()
print(f"Spdf.Build alone: analyzer time {listed(alone, 3)} s = {listed(pair_shares, 1)} % of the compile before each "
      f"(median {statistics.median(pair_shares):.1f} %); compile with it {listed(compiles_with_spdf, 2)} s")
print()
scs = medians["SecurityCodeScan.VS2019 5.6.7"]
print(f"SPDF / SecurityCodeScan = {spdf / scs if scs else float('nan'):.2f} (target <= 0.5); "
      f"SPDF = {100 * spdf / compile_only:.1f}% of the compile without analyzers (target <= 5%)")
PY
echo "Logs and binlogs: $work"
