# syntax=docker/dockerfile:1
# One image for every Bazaar deployable: the router, the five subgraphs, and the one-shot jobs
# `migrate`, `seed` (demo data) and `search-reindex`. The container's command names what it runs
# (`docker run bazaar:local catalog`); `--build-arg SERVICE=<name>` bakes in a default (router).
# TypeScript runs through tsx exactly as `npm run start:prod` runs it: there is no build step.
# See docs/deployment.md. Written on machines without a Docker engine: never built there.

ARG NODE_IMAGE=node:20-bookworm-slim

# --- install: production dependencies exactly as locked, and the GraphiQL bundle ------------------
FROM ${NODE_IMAGE} AS install
WORKDIR /app
# CI=true: pnpm never prompts (it would refuse to replace the modules directory without a TTY).
ENV CI=true
# The pnpm version package.json pins in "packageManager", as scripts/bootstrap.mjs uses.
COPY package.json ./
RUN npm install --global --no-audit --no-fund --no-update-notifier \
      "$(node -p 'require("./package.json").packageManager')"
# Download every locked package into pnpm's store; this layer changes only with the lockfile.
COPY pnpm-lock.yaml pnpm-workspace.yaml ./
RUN pnpm fetch
COPY . .
# Production dependencies of every workspace package, from the store, exactly as locked (fetch
# also filled node_modules with everything, dev tools included: that copy goes first).
# @bazaar/testing is left out: only its manifest is in the context (see .dockerignore), and its
# own dependencies (vitest and friends) serve tests only.
# tsx runs every process but is a root devDependency, so it is promoted to a dependency here, at
# the version the lockfile already holds (--offline: nothing beyond what `pnpm fetch` brought).
RUN rm -rf node_modules \
 && pnpm install --offline --frozen-lockfile --prod --filter '!@bazaar/testing' \
 && pnpm add --offline --prod --workspace-root --save-prod --filter '!@bazaar/testing' 'tsx@catalog:' \
 && node --import tsx --eval 'console.log("tsx loads from /app")'
# The router's GraphiQL bundle, built once here so a running router never writes to /app (it
# serves it when GRAPHIQL=true). Keyed by the installed versions, so it matches at runtime.
ENV TSX_TSCONFIG_PATH=/app/tsconfig.json
RUN node --import tsx router/graphiql/build.ts

# --- runtime -------------------------------------------------------------------------------------
FROM ${NODE_IMAGE}
ARG SERVICE=router
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    TSX_TSCONFIG_PATH=/app/tsconfig.json \
    BAZAAR_SERVICE=${SERVICE}
WORKDIR /app
# Owned by root and read-only to the service user: a compromised process cannot change the code.
COPY --from=install /app /app
USER node
# router 4000, users 4001, catalog 4002, orders 4003, sellers 4004, recommendations 4005.
EXPOSE 4000 4001 4002 4003 4004 4005
# GET /healthz of whichever service this container runs (one-shot jobs always pass).
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["sh", "/app/docker/entrypoint.sh", "healthcheck"]
ENTRYPOINT ["sh", "/app/docker/entrypoint.sh"]
CMD []
