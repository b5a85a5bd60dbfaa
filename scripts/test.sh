#!/usr/bin/env bash
# `npm test`: every check the project has, in one run, each step's result kept so that a
# failure early on does not hide the others. Runs itself inside a private D-Bus session
# with a fresh, unlocked gnome-keyring (keytar's Secret Service) and a throw-away data home,
# so no test touches the developer's real keyring. Ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

if [ -z "${FIELDGUARD_TEST_SESSION:-}" ]; then
  FIELDGUARD_TEST_SESSION=1 exec scripts/with-test-keyring.sh bash scripts/test.sh
fi

rm -f test-results/*-report.json
# The tests run under Node: make sure the native addons are built for it (not left built for Electron by `npm start`).
node scripts/native-modules.mjs node || exit 2
failed_steps=()
step() {
  local name="$1"; shift
  echo
  echo "━━ $name ━━"
  if ! "$@"; then failed_steps+=("$name"); fi
}

step typecheck npm run --silent typecheck
step format npm run --silent format:check
step lint npm run --silent lint
step electronegativity node scripts/electronegativity.mjs
# Fails only on a fixable high/critical advisory in a shipped package; one line when the registry cannot audit (docs/decisions.md).
step "dependency audit" node scripts/audit-production.mjs
step "unit and integration tests" npx vitest run
step "browser end-to-end tests" npx playwright test
echo
echo "━━ Electron end-to-end tests ━━"
if node --import tsx -e "import('./test/e2e-electron/electron-binary.ts').then(m => process.exit(m.findElectronBinary() ? 0 : 1))"; then
  node scripts/native-modules.mjs electron && step "Electron end-to-end tests" npx playwright test -c test/e2e-electron/playwright.config.ts
  node scripts/native-modules.mjs node
else
  node --import tsx -e "import('./test/e2e-electron/electron-binary.ts').then(m => console.log('e2e-electron: ' + m.NO_ELECTRON_MESSAGE))"
fi

node scripts/summarize-tests.mjs "${failed_steps[@]}"
