#!/usr/bin/env bash
# Builds the JMH uber-jar, runs the benchmarks, prints a Markdown summary table and writes the README's tables.
#
# Usage (from anywhere; paths are resolved from the repository root):
#   safejson-benchmarks/run.sh [BENCHMARK_REGEX...] [-- EXTRA_JMH_ARGS...]
#
# Examples:
#   safejson-benchmarks/run.sh                              # everything, full settings (several minutes)
#   safejson-benchmarks/run.sh 'Message$'                   # only the single-message pair
#   NO_README=1 safejson-benchmarks/run.sh -- -f 1 -wi 1 -i 1 -w 1s -r 1s   # quick smoke run
#
# Defaults: -f 2 -wi 3 -w 2s -i 5 -r 2s; an option given after "--" replaces its default. Always added:
# -prof gc -rf json -rff safejson-benchmarks/target/jmh-result.json (the table needs them).
# Environment: SKIP_BUILD=1 reuses the existing jar; MAVEN_ARGS (read by Maven itself), e.g. MAVEN_ARGS=-o.
# The table is also written to safejson-benchmarks/target/jmh-result.md.
# README.md: the table of every benchmark class that ran completely replaces that class's own table between the
# README's markers (<!-- table:NAME --> ... <!-- /table:NAME -->, inside the benchmark-table region), with a line
# giving the date, JDK, library versions and this command; other tables and the prose around them stay.
# A class of which only some benchmarks ran keeps its table. NO_README=1 leaves README.md alone.
set -euo pipefail

command="safejson-benchmarks/run.sh${*:+ $*}"
cd "$(dirname "$0")/.."

JAR=safejson-benchmarks/target/benchmarks.jar
RESULT=safejson-benchmarks/target/jmh-result.json

regexes=()
extra=()
while [[ $# -gt 0 ]]; do
  if [[ "$1" == "--" ]]; then
    shift
    extra=("$@")
    break
  fi
  regexes+=("$1")
  shift
done

declare -A defaults=([-f]=2 [-wi]=3 [-w]=2s [-i]=5 [-r]=2s)
for arg in ${extra[@]+"${extra[@]}"}; do
  unset "defaults[$arg]" 2>/dev/null || true
done
jmh_args=()
for option in -f -wi -w -i -r; do
  if [[ -n "${defaults[$option]+set}" ]]; then
    jmh_args+=("$option" "${defaults[$option]}")
  fi
done

if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
  ./mvnw -q -pl safejson-benchmarks -am package -DskipTests
fi

rm -f "$RESULT"
java -jar "$JAR" "${jmh_args[@]}" -prof gc -rf json -rff "$RESULT" \
  ${extra[@]+"${extra[@]}"} ${regexes[@]+"${regexes[@]}"}

echo
readme=()
if [[ "${NO_README:-0}" != "1" ]]; then
  readme=(--readme=README.md "--command=$command")
fi
java -cp "$JAR" io.safejson.benchmarks.ResultTable ${readme[@]+"${readme[@]}"} "$RESULT" | tee "${RESULT%.json}.md"
