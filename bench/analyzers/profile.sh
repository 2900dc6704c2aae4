#!/usr/bin/env bash
# Profiles one build of the analyzer benchmark's corpus with Linux perf and prints the share of the compiler process's
# CPU samples in which Spdf.Build's analyzer code was running, how much of that was JIT compilation and runtime work,
# and which rules it went to. CPU samples, unlike ReportAnalyzer's wall-clock times, do not grow when a callback's
# thread waits for a core, so two analyzer builds compare within a few percent. Run run.sh first (it creates the corpus).
#   bench/analyzers/profile.sh [alone|all]        # Spdf.Build alone (default) or with SecurityCodeScan and NetAnalyzers
#   SPDF_ANALYZER_DLL=/path/Spdf.Build.Analyzers.dll bench/analyzers/profile.sh   # another analyzer build
# Needs perf (Debian: linux-perf) and permission to profile (perf_event_paranoid <= 2 or root).
set -euo pipefail
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

mode="${1:-alone}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="${SPDF_BENCH_DIR:-${TMPDIR:-/tmp}/spdf-analyzer-bench}"
[[ -f "$work/Corpus.csproj" ]] || { echo "No corpus in $work: run bench/analyzers/run.sh first." >&2; exit 1; }
command -v perf >/dev/null || { echo "perf is not installed (Debian: apt-get install linux-perf)." >&2; exit 1; }
case "$mode" in
    alone) others=false ;;
    all) others=true ;;
    *) echo "Usage: $0 [alone|all]" >&2; exit 2 ;;
esac
dll_property=()
if [[ -n "${SPDF_ANALYZER_DLL:-}" ]]; then
    [[ -f "$SPDF_ANALYZER_DLL" ]] || { echo "SPDF_ANALYZER_DLL: no such file: $SPDF_ANALYZER_DLL" >&2; exit 1; }
    grep -q SpdfAnalyzerDll "$work/Corpus.csproj" \
        || { echo "The corpus in $work predates SPDF_ANALYZER_DLL: run bench/analyzers/run.sh again." >&2; exit 1; }
    dll_property=("-p:SpdfAnalyzerDll=$SPDF_ANALYZER_DLL")
fi

maps="$work/perf-maps"
rm -rf "$maps" && mkdir -p "$maps"
cd "$work"
# Perf maps name the JIT-compiled frames; without W^X double mapping perf attributes samples in JIT code to them.
DOTNET_PerfMapEnabled=1 DOTNET_PerfMapJitDumpPath="$maps" DOTNET_EnableWriteXorExecute=0 \
    perf record -q -F 499 -g -o "$work/perf.data" -- \
    dotnet build Corpus.csproj --no-restore -nr:false -nologo -v:q -p:UseSharedCompilation=false \
        -p:WithAnalyzers=true -p:WithOtherAnalyzers="$others" "${dll_property[@]}" -p:Configuration=Release -t:Rebuild >/dev/null
perf script -i "$work/perf.data" -F comm,pid,ip,sym,dso 2>/dev/null >"$work/perf.txt"
python3 "$here/perf_share.py" "$work/perf.txt" "$maps"
