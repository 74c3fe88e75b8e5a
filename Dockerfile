# One image for every Bazaar deployable (five subgraphs, the router, migrations); the command picks
# which one a container runs (see docker-compose.yml). TypeScript runs through tsx, as in development.
# Not built on the machines this repository was developed on (no Docker engine there).

# --- build: install the workspace exactly as locked, prebuild the router's GraphiQL bundle ---------
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN npm install --global --no-audit --no-fund pnpm@10.34.8
COPY . .
RUN pnpm install --frozen-lockfile \
 && TSX_TSCONFIG_PATH=/app/tsconfig.json node_modules/.bin/tsx router/graphiql/build.ts \
 && rm -rf .data .tools

# --- runtime -----------------------------------------------------------------------------------------
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    TSX_TSCONFIG_PATH=/app/tsconfig.json
COPY --from=build --chown=node:node /app /app
USER node
EXPOSE 4000 4001 4002 4003 4004 4005
# The router (one worker per core); subgraphs override the command, e.g.
#   node --import tsx subgraphs/catalog/src/index.ts
ENV ROUTER_WORKERS=auto
CMD ["node", "--import", "tsx", "router/src/index.ts"]
