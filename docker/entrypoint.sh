#!/bin/sh
# Runs one Pilar process: api | worker | migrate | seed | demo.
set -e
case "${1:-api}" in
  api) exec node dist/apps/api/src/main.js ;;
  worker) exec node dist/apps/worker/src/main.js ;;
  migrate) exec node dist/apps/cli/src/migrate.js ;;
  seed) exec node dist/apps/cli/src/seed.js ;;
  demo) exec node dist/apps/cli/src/demo.js ;;
  *) exec "$@" ;;
esac
