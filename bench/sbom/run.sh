#!/usr/bin/env bash
# SBOM benchmark, in one run on this machine:
#  1. Side by side on the sample app: the GenerateSbom task's time inside a real build (MSBuild's task
#     performance summary, task loaded in-process as from the package) and the wall time of the CycloneDX
#     dotnet tool 6.3.1 on the same project (its default mode: it restores first).
#  2. The task's core on a generated assets file with 500 packages (cold and warm; Program.cs).
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
rm -f "$evidence"/*.cdx.json
dotnet build "$project" -c Release -nr:false -p:SpdfUseTaskHost=false -clp:PerformanceSummary -v:n > "$work/build.log"
task_ms=$(grep -E '^\s+[0-9]+ ms\s+Spdf\.Build\.Tasks\.GenerateSbom\s' "$work/build.log" | awk '{print $1}' | head -1)
grep -E 'Spdf.Build SBOM:' "$work/build.log" | head -1 | sed 's/^ *//'

(cd "$work" && dotnet new tool-manifest >/dev/null && dotnet tool install CycloneDX --version 6.3.1 >/dev/null)
start=$(date +%s%N)
(cd "$work" && dotnet tool run dotnet-CycloneDX -- "$OLDPWD/$project" -F Json -spv 1.6 -o "$work/anchor" >/dev/null)
tool_ms=$(( ($(date +%s%N) - start) / 1000000 ))
echo "GenerateSbom task (MSBuild task performance summary): ${task_ms} ms"
echo "CycloneDX tool 6.3.1 wall time: ${tool_ms} ms"
awk -v t="$task_ms" -v c="$tool_ms" 'BEGIN { printf "ratio task/tool: 1/%.0f (target: at most 1/50)\n", c / t }'

echo "== 2. generated assets file with 500 packages"
dotnet run --project bench/sbom/Spdf.Bench.Sbom.csproj -c Release -- "$(cd .. && pwd)/shared/data/osv/nuget"

echo "== 3. no-op incremental build"
if dotnet build "$project" -c Release -nr:false -v:d | grep -q 'Skipping target "_SpdfGenerateSbomCore" because all output files are up-to-date'; then
  echo "no-op build: _SpdfGenerateSbomCore skipped (Inputs/Outputs up to date)"
else
  echo "no-op build: _SpdfGenerateSbomCore RAN" >&2
  exit 1
fi
