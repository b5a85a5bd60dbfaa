#!/usr/bin/env bash
# Everything a fresh Debian machine needs before `npm test`: the Debian packages, the
# project's npm packages, and Electronegativity in its own small npm project.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-test-deps.sh
npm ci --no-audit --no-fund
npm ci --no-audit --no-fund --prefix tools/electronegativity
