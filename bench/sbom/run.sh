#!/usr/bin/env bash
# SBOM benchmark, in one run on this machine:
#  1. Side by side on the sample app: the GenerateSbom task's time inside a real build (MSBuild's task
#     performance summary, task loaded in-process; median of 7 builds with the assemblies as packed, ReadyToRun,
#     and of 7 with plain IL, alternating) and the wall time of the CycloneDX dotnet tool 6.3.1 on the same
#     project (its default mode: it restores first).
#  2. The task's core on a generated assets file with 500 packages (cold and warm; Program.cs), plain IL and
#     as packed.
#  3. A no-op incremental build: the SBOM target must be skipped.
# Usage: bench/sbom/run.sh   (from anywhere; needs network access to the NuGet feed for the tool install)
set -euo pipefail
cd "$(dirname "$0")/../.."
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
project=sample-device-app/InfusionPump/InfusionPump.csproj
evidence=sample-device-app/InfusionPump/bin/Release/net10.0/spdf
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== 1. sample app: GenerateSbom in the build vs the CycloneDX tool"
dotnet build "$project" -c Release -nr:false -v:q >/dev/null
# The task assemblies as the package ships them (ReadyToRun, see Spdf.Build.Tasks.ReadyToRun.csproj) and as
# plain IL (JIT-compiled on first use, as the sample's own build from source loads them).
plain=msbuild-tasks/Spdf.Build.Tasks/bin/Release/net8.0
dotnet publish msbuild-tasks/Spdf.Build.Tasks.ReadyToRun -c Release -nr:false -v:q -o "$work/r2r-publish" >/dev/null
mkdir -p "$work/r2r"
cp "$plain"/*.dll "$plain"/*.deps.json "$work/r2r/"
cp "$work/r2r-publish/Spdf.Build.Tasks.dll" "$work/r2r-publish/Spdf.Build.Core.dll" "$work/r2r/"
sbom_task_ms() {
  rm -f "$evidence"/*.cdx.json
  dotnet build "$project" -c Release -nr:false --no-restore --no-dependencies -p:SpdfUseTaskHost=false -p:SpdfTasksAssembly="$1" -clp:PerformanceSummary -v:n > "$work/build.log"
  grep -E '^\s+[0-9]+ ms\s+Spdf\.Build\.Tasks\.GenerateSbom\s' "$work/build.log" | awk '{print $1}' | head -1
}
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
packed_runs=(); plain_runs=()
for _ in 1 2 3 4 5 6 7; do
  packed_runs+=("$(sbom_task_ms "$work/r2r/Spdf.Build.Tasks.dll")")
  plain_runs+=("$(sbom_task_ms "$PWD/$plain/Spdf.Build.Tasks.dll")")
done
grep -E 'Spdf.Build SBOM:' "$work/build.log" | head -1 | sed 's/^ *//'
task_ms=$(median "${packed_runs[@]}")
plain_ms=$(median "${plain_runs[@]}")

(cd "$work" && dotnet new tool-manifest >/dev/null && dotnet tool install CycloneDX --version 6.3.1 >/dev/null)
start=$(date +%s%N)
(cd "$work" && dotnet tool run dotnet-CycloneDX -- "$OLDPWD/$project" -F Json -spv 1.6 -o "$work/anchor" >/dev/null)
tool_ms=$(( ($(date +%s%N) - start) / 1000000 ))
echo "GenerateSbom task as packed (ReadyToRun), median of 7 builds: ${task_ms} ms (runs: ${packed_runs[*]})"
echo "GenerateSbom task as plain IL (JIT), median of 7 builds: ${plain_ms} ms (runs: ${plain_runs[*]})"
echo "CycloneDX tool 6.3.1 wall time: ${tool_ms} ms"
awk -v t="$task_ms" -v c="$tool_ms" 'BEGIN { printf "ratio task (as packed)/tool: 1/%.0f (target: at most 1/50)\n", c / t }'
awk -v t="$plain_ms" -v c="$tool_ms" 'BEGIN { printf "ratio task (plain IL)/tool: 1/%.0f\n", c / t }'

echo "== 2. generated assets file with 500 packages (Spdf.Build.Core as plain IL, then as packed)"
dotnet build bench/sbom/Spdf.Bench.Sbom.csproj -c Release -nr:false -v:q >/dev/null
cp -r bench/sbom/bin/Release/net10.0 "$work/bench-r2r"
cp "$work/r2r/Spdf.Build.Core.dll" "$work/bench-r2r/"
advisories="$(cd .. && pwd)/shared/data/osv/nuget"
# Three fresh processes of each, alternating: each process's first run is one cold sample.
for i in 1 2 3; do
  echo "-- plain IL, process $i"
  dotnet bench/sbom/bin/Release/net10.0/Spdf.Bench.Sbom.dll "$advisories"
  echo "-- as packed (ReadyToRun), process $i"
  dotnet "$work/bench-r2r/Spdf.Bench.Sbom.dll" "$advisories"
done

echo "== 3. no-op incremental build"
if dotnet build "$project" -c Release -nr:false -v:d | grep -q 'Skipping target "_SpdfGenerateSbomCore" because all output files are up-to-date'; then
  echo "no-op build: _SpdfGenerateSbomCore skipped (Inputs/Outputs up to date)"
else
  echo "no-op build: _SpdfGenerateSbomCore RAN" >&2
  exit 1
fi
