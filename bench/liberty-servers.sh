# Sourced by bench/loadgen-accuracy.sh and bench/loadgen-scale.sh: Liberty servers of this checkout's WAR, each a
# server of its own in one throwaway runtime (as bench/before-after.sh runs two), so the emulator under test and
# anything else keep separate JVMs. Call liberty_prepare WORK first; liberty_stop_all on exit.

liberty_prepare() { # work_dir: builds the WAR (unless BUILD=0) and unpacks the build's Liberty runtime into work_dir/wlp
  local liberty_version runtime_zip
  liberty_version=$(sed -n 's:.*<liberty.runtime.version>\(.*\)</liberty.runtime.version>.*:\1:p' pom.xml)
  runtime_zip=~/.m2/repository/io/openliberty/openliberty-runtime/$liberty_version/openliberty-runtime-$liberty_version.zip
  [ -f "$runtime_zip" ] || mvn -q -B -ntp dependency:get -Dartifact="io.openliberty:openliberty-runtime:$liberty_version:zip" >&2
  if [ "${BUILD:-1}" != 0 ] || [ ! -f bootstrap/target/llm-workbench.war ]; then
    MAVEN_OPTS="--sun-misc-unsafe-memory-access=allow" mvn -q -B -ntp -DskipTests -Dit.skip=true package >&2
  fi
  unzip -q "$runtime_zip" -d "$1"
  LIBERTY_WLP="$1/wlp"
  LIBERTY_SERVERS=()
}

liberty_start() { # name port jvm_option...: starts the server and waits until it answers
  local name=$1 port=$2 dir
  shift 2
  "$LIBERTY_WLP/bin/server" create "$name" >/dev/null
  dir="$LIBERTY_WLP/usr/servers/$name"
  cp server.xml "$dir/server.xml"
  mkdir -p "$dir/apps" && cp bootstrap/target/llm-workbench.war "$dir/apps/"
  echo "http.port=$port" > "$dir/bootstrap.properties"
  printf '%s\n' -XX:+UseZGC -Xmx1g "$@" > "$dir/jvm.options"
  LIBERTY_SERVERS+=("$name")
  JAVA_HOME=$JAVA_HOME "$LIBERTY_WLP/bin/server" start "$name" >/dev/null
  for _ in $(seq 1 "${LIBERTY_START_SECONDS:-180}"); do
    curl -sf -o /dev/null "http://127.0.0.1:$port/v1/models" && return 0
    sleep 1
  done
  echo "server $name did not start on $port" >&2
  return 1
}

liberty_pid() { # name
  cat "$LIBERTY_WLP/usr/servers/.pid/$1.pid"
}

liberty_stop_all() {
  local name
  for name in "${LIBERTY_SERVERS[@]}"; do
    "$LIBERTY_WLP/bin/server" stop "$name" >/dev/null 2>&1 || true
  done
}
