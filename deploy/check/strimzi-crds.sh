#!/usr/bin/env bash
# Generates the Strimzi CRDs (Kafka, KafkaNodePool, KafkaTopic, KafkaUser) from Strimzi's own API
# classes and CRD generator, both on Maven Central, the way Strimzi's build does. The output goes
# to deploy/check/.cache/strimzi-<version>/ (not committed) and is reused while it exists.
# Usage: strimzi-crds.sh [version]   Prints the output folder on success.
set -euo pipefail
version="${1:-1.2.0}"
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
out="$here/.cache/strimzi-$version"
if [[ -s "$out/kafka.yaml" && -s "$out/kafkanodepool.yaml" && -s "$out/kafkatopic.yaml" && -s "$out/kafkauser.yaml" ]]; then
  echo "$out"
  exit 0
fi
work="$here/.cache/strimzi-build-$version"
mkdir -p "$work" "$out"
cat > "$work/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>org.newsdesk.check</groupId>
  <artifactId>strimzi-crds</artifactId>
  <version>1</version>
  <dependencies>
    <dependency><groupId>io.strimzi</groupId><artifactId>api</artifactId><version>$version</version></dependency>
    <dependency><groupId>io.strimzi</groupId><artifactId>crd-generator</artifactId><version>$version</version></dependency>
  </dependencies>
</project>
POM
# Strimzi 1.x is compiled for Java 21: take the first JDK of 21 or newer.
java_bin=""
for candidate in /usr/lib/jvm/temurin-25-jdk-amd64/bin/java "${JAVA_HOME:-/nonexistent}/bin/java" \
    /usr/lib/jvm/*/bin/java "$(command -v java || true)"; do
  [[ -x "$candidate" ]] || continue
  major=$("$candidate" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  if [[ "${major:-0}" =~ ^[0-9]+$ && "$major" -ge 21 ]]; then java_bin="$candidate"; break; fi
done
if [[ -z "$java_bin" ]]; then
  echo "strimzi-crds: no Java 21+ found (Strimzi $version needs it)" >&2
  exit 1
fi
if command -v mvn >/dev/null 2>&1; then mvn_cmd=(mvn); else mvn_cmd=("$repo/mvnw"); fi
(cd "$work" && "${mvn_cmd[@]}" -B -q dependency:build-classpath -Dmdep.outputFile=cp.txt >"$work/mvn.log" 2>&1) || {
  echo "strimzi-crds: Maven could not resolve io.strimzi:api/crd-generator:$version (see $work/mvn.log)" >&2
  exit 1
}
"$java_bin" -cp "$(cat "$work/cp.txt")" io.strimzi.crdgenerator.CrdGenerator \
  --crd-api-version v1 --api-versions v1 --storage-version v1 --yaml \
  io.strimzi.api.kafka.model.kafka.Kafka="$out/kafka.yaml" \
  io.strimzi.api.kafka.model.nodepool.KafkaNodePool="$out/kafkanodepool.yaml" \
  io.strimzi.api.kafka.model.topic.KafkaTopic="$out/kafkatopic.yaml" \
  io.strimzi.api.kafka.model.user.KafkaUser="$out/kafkauser.yaml" >"$work/gen.log" 2>&1 || {
  echo "strimzi-crds: the CRD generator failed (see $work/gen.log)" >&2
  rm -f "$out"/*.yaml
  exit 1
}
echo "$out"
