#!/usr/bin/env bash
# Untrusted-input analyzer benchmark: builds a generated corpus of long methods (>= 300 statements, nesting
# 8 deep) once with Spdf.Build's analyzers and once with SecurityCodeScan 5.6.7, with -p:ReportAnalyzer=true,
# and prints the analyzer time each set spent, side by side. Usage: bench/analyzers-taint/run.sh [runs]
set -euo pipefail
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
artifacts="$root/artifacts/bench/analyzers-taint"
runs="${1:-3}"
files="${BENCH_FILES:-12}"
methods="${BENCH_METHODS:-4}"
statements="${BENCH_STATEMENTS:-320}"

rm -rf "$artifacts/corpus"
python3 "$here/generate_corpus.py" "$artifacts/corpus" --files "$files" --methods "$methods" --statements "$statements" --depth 8
lines=$(cat "$artifacts"/corpus/*.cs | wc -l)
echo "Corpus: $files files x $methods methods, >= $statements statements each, nesting depth 8 ($lines lines)"

dotnet build "$root/analyzers/Spdf.Build.Analyzers/Spdf.Build.Analyzers.csproj" -c Release -nr:false -v:q -nologo > "$artifacts/analyzers-build.log"

# Prints "<seconds> <diagnostics> <bound-reached>" for one build of the corpus with the given analyzer set.
measure() {
  local set="$1" run="$2" log="$artifacts/$1-$2.log"
  dotnet build "$here/Corpus/Corpus.csproj" -c Release -nr:false --no-incremental -nologo -v:d \
    -p:BenchAnalyzer="$set" -p:ReportAnalyzer=true > "$log" 2>&1 || { echo "build failed, see $log" >&2; exit 1; }
  local seconds diagnostics bound
  seconds=$(grep -m1 -E "Total analyzer execution time: [0-9.]+ seconds" "$log" | sed -E 's/.*time: ([0-9.]+) seconds.*/\1/')
  diagnostics=$( (grep -oE "warning (SPDF|SCS)[0-9]+" "$log" || true) | sort -u | wc -l)
  bound=$(grep -cE "warning SPDF3019" "$log" || true)
  echo "$seconds $diagnostics $bound"
}

median() { sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

declare -A times
for set in Spdf SecurityCodeScan; do
  dotnet restore "$here/Corpus/Corpus.csproj" -p:BenchAnalyzer="$set" -nologo -v:q > "$artifacts/$set-restore.log"
  : > "$artifacts/$set-times.txt"
  for run in $(seq 1 "$runs"); do
    read -r seconds diagnostics bound < <(measure "$set" "$run")
    echo "$seconds" >> "$artifacts/$set-times.txt"
    echo "  $set run $run: analyzers ${seconds}s, distinct rule IDs reported $diagnostics, SPDF3019 (bound reached) $bound"
  done
  times[$set]=$(median < "$artifacts/$set-times.txt")
done

echo
printf '%-20s %s\n' "Analyzer set" "Analyzer time (median of $runs builds, -p:ReportAnalyzer=true)"
printf '%-20s %ss\n' "Spdf.Build" "${times[Spdf]}"
printf '%-20s %ss\n' "SecurityCodeScan" "${times[SecurityCodeScan]}"
awk -v s="${times[Spdf]}" -v c="${times[SecurityCodeScan]}" 'BEGIN { if (c > 0) printf "Spdf.Build / SecurityCodeScan = %.2f (target <= 0.5)\n", s / c }'
echo
echo "Spdf.Build per-analyzer times (last run):"
(grep -E "^\s+[0-9.]+\s+[0-9<]+\s+Spdf\.Build\.Analyzers\.[A-Za-z.]+ " "$artifacts/Spdf-$runs.log" || true) | sed -E 's/^\s+//' | sort -u -k3,3 | sort -g -r | head -20
