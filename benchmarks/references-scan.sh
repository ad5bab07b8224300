#!/usr/bin/env bash
# Benchmark (not a test): the file reference source over 10,000 config files / 200 MB (Telegraf TOML, .env,
# JSON and YAML, with tokens, placeholders and plain settings), alternating with ripgrep and grep -E on the same files.
# The scan runs twice: built (JIT, as `dotnet run` and the tool package run tokengov) and published Native AOT (as the
# container image runs it). Usage: bash benchmarks/references-scan.sh
set -euo pipefail
cd "$(dirname "$0")/.."
project=benchmarks/TokenGovernance.ScanBenchmark
dotnet build -c Release -v q -nologo "$project" >/dev/null
work=$(mktemp -d); native=$(mktemp -d)
trap 'rm -rf "$work" "$native"' EXIT
dotnet publish -c Release -r linux-x64 -v q -nologo -o "$native" "$project" >/dev/null
python3 - "$work" <<'PY'
import os, random, sys
root = sys.argv[1]; random.seed(3)
alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
filler = "\n".join(f"  # setting {i}: interval = \"10s\", flush_jitter = \"0s\", precision = \"\"" for i in range(280))
for index in range(10_000):
    folder = os.path.join(root, f"host-{index // 100:03}")
    os.makedirs(folder, exist_ok=True)
    token = "".join(random.choice(alphabet) for _ in range(85)) + random.choice("AQgw") + "=="
    kind = index % 4
    name, body = [("telegraf.conf", f"[[outputs.influxdb_v2]]\n  urls = [\"http://influx:8086\"]\n  token = \"{token}\"\n"),
                  (".env", f"INFLUX_URL=http://influx:8086\nINFLUX_TOKEN=${{INFLUX_TOKEN}}\n"),
                  ("appsettings.json", f"{{\"InfluxDB\": {{\"Token\": \"user-chosen-{index}\"}}}}\n"),
                  ("values.yaml", "influx:\n  token: <set-me>\n")][kind]
    with open(os.path.join(folder, f"{index}-{name}"), "w") as handle:
        handle.write(body + filler + "\n")
PY
echo "files: $(find "$work" -type f | wc -l), size: $(du -sm "$work" | cut -f1) MB"
jit="$project/bin/Release/net10.0/TokenGovernance.ScanBenchmark.dll"
sync; cat "$work"/*/* >/dev/null   # the page cache warm for everyone: the scan is measured, not the disk
for run in 1 2 3; do
  echo -n "jit "; dotnet "$jit" "$work" plain
  echo -n "jit "; dotnet "$jit" "$work" secret
  echo -n "aot "; "$native/TokenGovernance.ScanBenchmark" "$work" plain
  echo -n "aot "; "$native/TokenGovernance.ScanBenchmark" "$work" secret
  if command -v rg >/dev/null; then
    start=$(date +%s.%N); count=$(rg -c --no-filename '[A-Za-z0-9_-]{85}[AQgw]==' "$work" | paste -sd+ | bc); end=$(date +%s.%N)
    echo "ripgrep (token-shape regex): $(echo "$end - $start" | bc) s, $count lines"
  fi
  start=$(date +%s.%N); count=$(grep -rcE '[A-Za-z0-9_-]{85}[AQgw]==' "$work" | awk -F: '{s+=$2} END {print s}'); end=$(date +%s.%N)
  echo "grep -E (token-shape regex): $(echo "$end - $start" | bc) s, $count lines"
done
