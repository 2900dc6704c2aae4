#!/usr/bin/env bash
# Labelled-corpus scoring: builds bench/labelled-corpus/Corpus three times (Spdf.Build.Analyzers from this
# repository with spdf-all.globalconfig; SecurityCodeScan.VS2019 5.6.7 alone; the SDK's NetAnalyzers with
# AnalysisLevel=latest-all and AnalysisMode=All alone), collects each build's SARIF log and scores every labelled
# case with score.py. Results: bench/labelled-corpus/results/ (results.md and results-cases.tsv;
# lenient.md and lenient-cases.tsv with cwe-map-lenient.tsv added).
#   bench/labelled-corpus/run.sh [--no-analyzer-build]
set -euo pipefail
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
artifacts="$repo/artifacts/bench/labelled-corpus"
mkdir -p "$artifacts"

if [[ "${1:-}" != "--no-analyzer-build" ]]; then
    echo "Building Spdf.Build.Analyzers (Release)..."
    dotnet build "$repo/analyzers/Spdf.Build.Analyzers/Spdf.Build.Analyzers.csproj" -c Release -nr:false -v:q -nologo >/dev/null
fi

for tool in Spdf SecurityCodeScan NetAnalyzers; do
    echo "Building the corpus with $tool..."
    rm -f "$artifacts/$tool.sarif"
    # Rebuild so the analyzers run even when nothing changed; the corpus must compile, so a failed build stops here.
    dotnet build "$here/Corpus/Corpus.csproj" -nr:false -nologo -v:q -clp:NoSummary -t:Rebuild \
        -p:CorpusTool="$tool" >"$artifacts/$tool.log" 2>&1 || { tail -n 30 "$artifacts/$tool.log"; exit 1; }
    [[ -s "$artifacts/$tool.sarif" ]] || { echo "no SARIF log from the $tool build" >&2; exit 1; }
    if grep -q "AD0001" "$artifacts/$tool.log"; then echo "warning: $tool reported AD0001 (analyzer crash), see $artifacts/$tool.log" >&2; fi
done

export LABELLED_CORPUS_HEADER="Run $(date -u '+%Y-%m-%d %H:%M UTC'); analyzers from commit $(git -C "$repo" rev-parse --short HEAD)$(git -C "$repo" diff --quiet -- analyzers || echo ' (with uncommitted changes)'); .NET SDK $(dotnet --version); SecurityCodeScan.VS2019 5.6.7; load average $(cut -d' ' -f1-3 /proc/loadavg).
Cases: $(grep -rh '// CASE:' "$here/Corpus/Cases" | grep -c 'expect=BAD') BAD, $(grep -rh '// CASE:' "$here/Corpus/Cases" | grep -c 'expect=GOOD') GOOD. R = recall, P = precision; 'no rule' = the tool has no rule mapped to this CWE and flagged nothing."
logs=("Spdf=$artifacts/Spdf.sarif" "SecurityCodeScan=$artifacts/SecurityCodeScan.sarif" "NetAnalyzers=$artifacts/NetAnalyzers.sarif")
# Lenient view first (quality rules such as CA2254 counted too), then the strict one, which is printed last.
python3 "$here/score.py" "$repo" "$here/results/lenient.md" --extra-map "$here/cwe-map-lenient.tsv" "${logs[@]}" >/dev/null
python3 "$here/score.py" "$repo" "$here/results/results.md" "${logs[@]}"
