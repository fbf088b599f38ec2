#!/usr/bin/env bash
# The one entry point for the deployment checks (deploy/k8s), offline, no cluster, no Docker:
#   bash deploy/check/run.sh
# Installs what is missing (npm packages from package-lock.json, the Strimzi CRDs generated from
# Maven Central), runs every check, and ends with one line "N passed, N failed". Exit 0 only
# when nothing failed. Needs: node + npm, kubectl (kustomize v5 inside) or kustomize, Java 21+
# and Maven (or the repository's ./mvnw) for the Strimzi CRDs.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"

fail_setup() {
  echo "setup: $1" >&2
  echo "0 passed, 1 failed"
  exit 1
}

# Node.js: on this machine kind it is preinstalled; elsewhere Debian's package will do.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq >/dev/null 2>&1 || true
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null 2>&1 || true
  fi
  command -v node >/dev/null 2>&1 || fail_setup "node is not installed"
fi

# npm packages, exactly as locked; re-installed when the lock file changes.
stamp="node_modules/.package-lock.sha256"
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
  npm ci --no-audit --no-fund --loglevel=error >/dev/null 2>npm-ci.log || { cat npm-ci.log >&2; fail_setup "npm ci failed"; }
  rm -f npm-ci.log
  echo "$want" > "$stamp"
fi

# kustomize: kubectl's built-in one (v5 here), or a standalone kustomize binary.
if [[ -z "${NEWSDESK_KUSTOMIZE:-}" ]]; then
  if command -v kubectl >/dev/null 2>&1 && kubectl version --client 2>/dev/null | grep -q 'Kustomize Version: v5'; then
    export NEWSDESK_KUSTOMIZE="kubectl kustomize"
  elif command -v kustomize >/dev/null 2>&1; then
    export NEWSDESK_KUSTOMIZE="kustomize build"
  elif [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1 && apt-cache policy kubectl 2>/dev/null | grep -q 'Candidate: [0-9]'; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq kubectl >/dev/null 2>&1 || true
    export NEWSDESK_KUSTOMIZE="kubectl kustomize"
  else
    echo "setup: no kubectl with kustomize v5 and no kustomize: the build checks will fail" >&2
    export NEWSDESK_KUSTOMIZE="kubectl kustomize"
  fi
fi

# Strimzi CRDs (cached in .cache/); on failure the Strimzi resources fail validation, loudly.
if crd_dir=$(bash "$here/strimzi-crds.sh" 1.2.0); then
  export NEWSDESK_STRIMZI_CRDS="$crd_dir"
else
  unset NEWSDESK_STRIMZI_CRDS
fi

exec node check.mjs
