#!/usr/bin/env bash
# Benchmark (not a test): every analyzer on generated stress inputs (1 MB literals, 5,000-part concatenations, binary
# and 50 MB AdditionalFiles, a minified 50 MB line, pathological placeholders), one compilation each, with a time bound
# per input; exits 1 on AD0001 or a bound passed. Usage: bash benchmarks/analyzers-stress.sh [bound-seconds=10]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --project benchmarks/TokenGovernance.AnalyzerStress -- "${1:-10}"
