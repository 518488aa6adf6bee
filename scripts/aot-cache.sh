#!/usr/bin/env bash
# Makes what bin/berth starts from, beside the jar in cli/target/aot/ (README, "An instant start"):
#   sqlite/libsqlitejdbc.so  SQLite's native library for this machine, taken out of the jar once,
#                            so a run loads it instead of copying and comparing it in /tmp each time
#   berth.aot                an AOT cache (JEP 483/514/515) of the classes and profiles the everyday
#                            commands use, trained on them (dev.berth.cli.StartupTraining), and
#                            of an apply of a service, against a stand-in engine (TrainingEngine)
#   java                     a link to the JDK that made the cache: a cache works only with it
# The build runs this after packaging the jar (`mvn package`, as quickstart.sh and CI do); it never
# fails the build. Without a JDK 25 or newer it says so and makes no cache, and bin/berth runs the
# jar with plain `java`. The JDK is BERTH_AOT_JAVA, else JAVA_HOME's, `java` on PATH or one under
# /usr/lib/jvm, the first that is 25 or newer.
# Usage: scripts/aot-cache.sh JAR
set -uo pipefail
jar=$(readlink -f "${1:?usage: aot-cache.sh JAR}")
dir="$(dirname "$jar")/aot"
rm -rf "$dir" "$dir.tmp"
mkdir -p "$dir.tmp/sqlite"
work=$(mktemp -d)
trap 'rm -rf "$work" "$dir.tmp"' EXIT

major() { # the feature release of a java binary, 0 when it does not answer
  "$1" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {split($2, v, "."); print (v[1] == 1 ? v[2] : v[1]); f=1} END {if (!f) print 0}'
}

# SQLite's library, from the folder sqlite-jdbc itself would choose on this machine.
folder=$(java -cp "$jar" org.sqlite.util.OSInfo 2>/dev/null)
lib="org/sqlite/native/$folder/libsqlitejdbc.so"
if [ -n "$folder" ] && (cd "$work" && unzip -q "$jar" "$lib" 2>/dev/null || jar xf "$jar" "$lib" 2>/dev/null) \
   && [ -s "$work/$lib" ]; then
  mv "$work/$lib" "$dir.tmp/sqlite/libsqlitejdbc.so"
fi

java=""
for candidate in "${BERTH_AOT_JAVA:-}" "${JAVA_HOME:+$JAVA_HOME/bin/java}" "$(command -v java || true)" /usr/lib/jvm/*/bin/java; do
  [ -n "$candidate" ] && [ -x "$candidate" ] || continue
  if [ "$(major "$candidate")" -ge 25 ]; then java=$(readlink -f "$candidate"); break; fi
done
if [ -z "$java" ]; then
  echo "berth: no JDK 25 or newer found, so no AOT cache was made; bin/berth runs with plain java (slower start)."
else
  # The training's stores live in its own directory (StartupTraining refuses anything else). The
  # flags are bin/berth's: a cache is used only by a JVM started the way the one that wrote it was.
  flags=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Djdk.reflect.useNativeAccessorOnly=true -Djdk.nio.maxCachedBufferSize=1048576 --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -XX:+UseCompactObjectHeaders)
  if [ -s "$dir.tmp/sqlite/libsqlitejdbc.so" ]; then
    flags+=(-Dorg.sqlite.lib.path="$dir.tmp/sqlite" -Dorg.sqlite.lib.name=libsqlitejdbc.so -Dorg.sqlite.tmpdir="$dir.tmp/sqlite")
  fi
  mkdir -p "$work/training"
  # DOCKER_HOST: the training's own stand-in engine (TrainingEngine), a socket in its directory,
  # so applies of a service are in the cache too while no real engine is ever reached.
  if BERTH_ECS_STORE="$work/training/ecs.db" BERTH_SECRET_STORE="$work/training/secrets.db" \
     BERTH_LOG_STORE="$work/training/logs" DOCKER_HOST="unix://$work/training/engine.sock" \
     "$java" "${flags[@]}" -XX:AOTCacheOutput="$dir.tmp/berth.aot" -Xlog:aot*=off,cds*=off \
       -cp "$jar" dev.berth.cli.StartupTraining "$work/training" > "$work/log" 2>&1 \
     && [ -s "$dir.tmp/berth.aot" ]; then
    ln -s "$java" "$dir.tmp/java"
    grep '^training:' "$work/log" || true
    echo "berth: AOT cache made with $java ($(du -h "$dir.tmp/berth.aot" | cut -f1))."
  else
    rm -f "$dir.tmp/berth.aot"
    echo "berth: making the AOT cache failed, so bin/berth runs with plain java (slower start):"
    tail -5 "$work/log"
  fi
fi
mv "$dir.tmp" "$dir"
exit 0
