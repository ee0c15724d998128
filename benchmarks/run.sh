#!/usr/bin/env bash
# Runs the presence-sdk benchmark suite: the JMH benchmarks (per-call overhead, decoding with the
# GC profiler), then the fan-out, paging and start-up harness, then the report and the chart.
#
#   benchmarks/run.sh            full run, results in benchmarks/results/
#   benchmarks/run.sh --quick    fewer iterations, results in benchmarks/results/quick/
#   benchmarks/run.sh --no-build use the jar already in benchmarks/target/
#
# MVN_ARGS is passed to Maven (for example MVN_ARGS=-o to build offline).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
quick=false
build=true
for arg in "$@"; do
  case "$arg" in
    --quick) quick=true ;;
    --no-build) build=false ;;
    -h | --help)
      sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *)
      echo "unknown option: $arg (use --quick, --no-build or --help)" >&2
      exit 2
      ;;
  esac
done

jar="$here/target/benchmarks.jar"
if $build; then
  # -am builds the SDK modules the benchmarks depend on from this checkout.
  "$root/mvnw" -B -q -f "$root/pom.xml" -pl benchmarks -am package -DskipTests ${MVN_ARGS:-}
fi
if [[ ! -f "$jar" ]]; then
  echo "no $jar: run without --no-build first" >&2
  exit 1
fi

if $quick; then
  out="$here/results/quick"
  rounds=2
  percall=(-wi 1 -w 500ms -i 2 -r 500ms -f 1)
  decode=(-wi 1 -w 500ms -i 2 -r 500ms -f 1)
  harness=(--quick)
else
  out="$here/results"
  rounds=5
  percall=(-wi 3 -w 1s -i 5 -r 1s -f 1)
  decode=(-wi 2 -w 1s -i 3 -r 1s -f 1)
  harness=()
fi
mkdir -p "$out"

echo "== per-call overhead (JMH, $rounds rounds of SDK and raw back to back)"
# On a small virtual machine one JMH run of a loopback round trip drifts by tens of percent from
# minute to minute, more than the difference measured. Each round measures both sides one after
# the other; the report takes the median of the rounds' ratios.
rm -f "$out"/jmh-percall-round-*.json
for ((round = 1; round <= rounds; round++)); do
  java -jar "$jar" 'PerCallBenchmark' "${percall[@]}" \
    -prof gc -rf json -rff "$out/jmh-percall-round-$round.json"
done
java -jar "$jar" 'PerCallBreakdownBenchmark' "${percall[@]}" \
  -rf json -rff "$out/jmh-percall.json"

echo "== decoding (JMH, GC profiler)"
java -jar "$jar" 'DecodeBenchmark' "${decode[@]}" \
  -prof gc -rf json -rff "$out/jmh-decode.json"

echo "== fan-out, paging (-Xmx64m) and start-up"
java -cp "$jar" io.github.presencesdk.benchmarks.harness.Harness --out "$out" "${harness[@]}"

echo "== report"
python3 "$here/report.py" "$out"
