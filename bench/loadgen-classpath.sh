#!/usr/bin/env bash
# Packages adapters-loadgen with the modules it needs from this checkout (tests skipped) and writes the classpath
# that bench/LoadgenBench.java runs on to $1: the modules' jars from target/, their dependencies from ~/.m2, and
# Parsson, JSON-P's implementation, which Liberty provides inside the server.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$1
export JAVA_HOME=${JAVA_HOME:-$(bin/workbench java)} MAVEN_OPTS="--sun-misc-unsafe-memory-access=allow"
mvn -q -B -ntp package dependency:build-classpath -DskipTests -Dit.skip=true -pl adapters-loadgen -am \
  -Dmdep.includeScope=test -Dmdep.outputFile="$out.deps" >&2
printf '%s:%s' "$(ls "$PWD"/adapters-loadgen/target/adapters-loadgen-*.jar | head -1)" "$(cat "$out.deps")" > "$out"
rm -f "$out.deps"
