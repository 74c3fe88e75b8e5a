#!/bin/sh
# Entry point of the Bazaar image (Dockerfile, docs/deployment.md). It runs one deployable or one
# one-shot job, named by the first argument (`docker run bazaar catalog`) or, without one, by
# BAZAAR_SERVICE (baked in with `--build-arg SERVICE=…`, default router). Arguments after the
# name go to the program, e.g. `router --supergraph /config/supergraph.graphql` or `seed --force`.
#
#   router users catalog orders sellers recommendations   services; each answers GET /healthz
#   migrate          apply drizzle/migrations to DATABASE_URL, then exit
#   seed             demo data (SEED_SCALE) unless the database already has some, then exit
#   search-reindex   rebuild the search index (Meilisearch when MEILI_HOST is set), then exit
#   healthcheck      the image's HEALTHCHECK: is this container's service answering /healthz?
#
# TypeScript runs through tsx, as in development; TSX_TSCONFIG_PATH (set in the image) gives it
# the root tsconfig, whose decorator settings type-graphql needs.
set -eu

# Where a running service writes its port, for `healthcheck` (a separate process) to read back.
PORT_FILE=/tmp/bazaar-service-port

usage() {
  echo "usage: entrypoint.sh [router|users|catalog|orders|sellers|recommendations|migrate|seed|search-reindex|healthcheck] [args…]" >&2
}

service="${BAZAAR_SERVICE:-router}"
case "${1:-}" in
  "" | -*) ;; # no name: the arguments (if any) are for the default service
  *)
    service="$1"
    shift
    ;;
esac

case "$service" in
  router) entry=router/src/index.ts default_port=4000 ;;
  users) entry=subgraphs/users/src/index.ts default_port=4001 ;;
  catalog) entry=subgraphs/catalog/src/index.ts default_port=4002 ;;
  orders) entry=subgraphs/orders/src/index.ts default_port=4003 ;;
  sellers) entry=subgraphs/sellers/src/index.ts default_port=4004 ;;
  recommendations) entry=subgraphs/recommendations/src/index.ts default_port=4005 ;;
  migrate) exec node --import tsx scripts/db-migrate.ts "$@" ;;
  seed) exec node --import tsx scripts/db-seed.ts "$@" ;;
  search-reindex) exec node --import tsx scripts/search-reindex.ts "$@" ;;
  healthcheck)
    # One-shot jobs (and a service that has not started yet) have nothing to probe.
    [ -s "$PORT_FILE" ] || exit 0
    exec node -e '
      fetch(`http://127.0.0.1:${process.argv[1]}/healthz`, { signal: AbortSignal.timeout(2500) }).then(
        (res) => process.exit(res.ok ? 0 : 1),
        () => process.exit(1),
      );' "$(cat "$PORT_FILE")"
    ;;
  *)
    echo "entrypoint.sh: unknown service '$service'" >&2
    usage
    exit 64
    ;;
esac

# Each service listens on its usual port unless PORT says otherwise.
PORT="${PORT:-$default_port}"
export PORT
echo "$PORT" >"$PORT_FILE"
exec node --import tsx "$entry" "$@"
