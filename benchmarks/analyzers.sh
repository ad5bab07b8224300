#!/usr/bin/env bash
# Benchmark (not a test): the analyzers' share of compile time on a generated solution of N files (~210 lines each,
# many string literals and InfluxDB client calls), built with -p:ReportAnalyzer=true --no-incremental three ways:
# without extra analyzers, with TokenGovernance.Analyzers, and with the peer pack Meziantou.Analyzer, so that the
# share of ours and the ratio to the peer come from one run on the same machine.
# Usage: bash benchmarks/analyzers.sh [files=1000]
set -euo pipefail
cd "$(dirname "$0")/.."
files=${1:-1000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet pack src/Analyzers/TokenGovernance.Analyzers.Package -c Release -o "$work/feed" -p:Version=0.0.0-bench -v q -nologo >/dev/null
python3 benchmarks/generate-solution.py "$work/app" "$files"
cat >"$work/app/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration><packageSources><add key="bench" value="$work/feed" /></packageSources></configuration>
XML
export NUGET_PACKAGES="$work/packages"
declare -A wall analyzers
for variant in none tokengov meziantou; do
  flags="-p:UseTokenGovernance=$([ $variant = tokengov ] && echo true || echo false) -p:UseMeziantou=$([ $variant = meziantou ] && echo true || echo false)"
  (cd "$work/app" && dotnet restore -v q -nologo $flags >/dev/null && \
   /usr/bin/time -f "%e" dotnet build --no-restore --no-incremental -nologo -v:d \
      -p:ReportAnalyzer=true $flags -p:TreatWarningsAsErrors=false >"$work/build-$variant.log" 2>"$work/time-$variant.txt") || { tail -20 "$work/build-$variant.log"; exit 1; }
  wall[$variant]=$(tail -1 "$work/time-$variant.txt")
  # ReportAnalyzer prints, per compilation, one line per analyzer assembly: "<seconds>   <percent>   <assembly>, Version=…".
  pack=$([ $variant = tokengov ] && echo TokenGovernance.Analyzers, || echo Meziantou.Analyzer,)
  analyzers[$variant]=$( (grep -E "^\s+[0-9.]+\s+[0-9<]+\s+$pack" "$work/build-$variant.log" || true) | head -1 | awk "{print \$1}")
  echo "$variant: build wall ${wall[$variant]} s; analyzer time of the pack: ${analyzers[$variant]:-n/a} s"
  grep -E "^\s+[0-9.<]+\s+[0-9<]+\s+TokenGovernance\.Analyzers\.[A-Za-z]+Analyzer " "$work/build-$variant.log" | sed 's/^ *//' | sort -u | head -10 || true
  grep -E "warning TG10" "$work/build-$variant.log" | sed -E 's/.*warning (TG10[0-9]+).*/\1/' | sort | uniq -c || true
done
python3 - "${wall[none]}" "${wall[tokengov]}" "${analyzers[tokengov]:-0}" "${wall[meziantou]}" "${analyzers[meziantou]:-0}" <<'PY'
import sys
none, ours_wall, ours, mez_wall, mez = map(float, sys.argv[1:])
print(f"TokenGovernance: {ours:.3f} s of analyzer time = {100 * ours / ours_wall:.2f} % of its build ({ours_wall:.2f} s)")
print(f"Meziantou.Analyzer: {mez:.3f} s of analyzer time = {100 * mez / mez_wall:.2f} % of its build ({mez_wall:.2f} s)")
if mez > 0:
    print(f"ratio ours / Meziantou: {ours / mez:.3f}")
PY
