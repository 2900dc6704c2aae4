#!/usr/bin/env bash
# Signing benchmark (run by hand, not in CI): builds the sample (signed with its ephemeral key), the spdf CLI
# and the benchmark, then compares in one run
#   - Spdf.Build's hashing+signing of 200 files / 500 MB against sha256sum over the same files (bar: >= 0.8x);
#   - `spdf verify` of the sample's output against `openssl cms -verify` run once per signature (bar: faster).
# The 500 MB of generated files go to ${SPDF_BENCH_WORK:-/tmp/spdf-bench-signing} and are reused.
set -euo pipefail
cd "$(dirname "$0")/../.."
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
work="${SPDF_BENCH_WORK:-/tmp/spdf-bench-signing}"
mkdir -p "$work"

dotnet build sample-device-app -c Release -nr:false -v:q -clp:NoSummary
dotnet build cli/Spdf.Cli -c Release -nr:false -v:q -clp:NoSummary
dotnet build bench/signing/SigningBenchmark -c Release -nr:false -v:q -clp:NoSummary

dotnet bench/signing/SigningBenchmark/bin/Release/net10.0/SigningBenchmark.dll \
  "$work" cli/Spdf.Cli/bin/Release/net8.0/spdf.dll sample-device-app/InfusionPump/bin/Release/net10.0
