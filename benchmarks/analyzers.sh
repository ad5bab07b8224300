#!/usr/bin/env bash
# Benchmark (not a test): the analyzers' share of compile time on a generated solution of 1,000 files and
# ~200,000 lines with many string literals and InfluxDB client calls, built with -p:ReportAnalyzer=true,
# with and without the TokenGovernance.Analyzers package. Usage: bash benchmarks/analyzers.sh [files=1000]
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
for variant in without with; do
  flag=$([ $variant = with ] && echo true || echo false)
  (cd "$work/app" && dotnet restore -v q -nologo -p:UseTokenGovernance=$flag >/dev/null && \
   /usr/bin/time -f "$variant analyzers: build wall %e s" dotnet build --no-restore --no-incremental -nologo -v:d \
      -p:ReportAnalyzer=true -p:UseTokenGovernance=$flag -p:TreatWarningsAsErrors=false >"$work/build-$variant.log" 2>"$work/time-$variant.txt") || { tail -20 "$work/build-$variant.log"; exit 1; }
  cat "$work/time-$variant.txt"
  # ReportAnalyzer prints, per compilation, the total and one line per analyzer assembly and analyzer.
  grep -E "Total analyzer execution time|TokenGovernance|HardCodedTokenAnalyzer|ConstantTokenAtSinkAnalyzer|ConfigFileTokenAnalyzer|TokenNamedLiteralAnalyzer|Time Elapsed" "$work/build-$variant.log" | sed 's/^ *//' | sort -u | head -20
  grep -E "warning TG10" "$work/build-$variant.log" | sed -E 's/.*warning (TG10[0-9]+).*/\1/' | sort | uniq -c || true
done
