// `npm run start:prod`: production mode on a real PostgreSQL. Migrates once, then runs each
// subgraph and the router as separate processes (the router with one worker per core), waits until
// the router is ready, and stops them in order (router first) on SIGTERM/SIGINT. If any process
// dies, everything stops and the exit code is 1. Configuration: README "Production mode".
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { migrate, openConnection } from "@bazaar/drizzle";
import { DEFAULT_PORTS, SUBGRAPHS } from "@bazaar/stack";
import { parseEnv } from "@bazaar/subgraph-kit";
import { z } from "zod";
import { type Service, startService, stopService, waitUntilOk } from "./prod/supervisor";

const root = fileURLToPath(new URL("..", import.meta.url));
const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);

const env = parseEnv(
  z.object({
    DATABASE_URL: z.string().url({ message: "is required: the PostgreSQL every service uses" }),
    SERVICE_TOKEN: z.string().min(32, "is required: 32+ random characters shared by the router and subgraphs"),
    AUTH_SIGNING_KEYS: z.string().min(1, 'is required: users\' private JWKs, {"keys":[…]}'),
    HOST: z.string().default("127.0.0.1"),
    PORT: port(DEFAULT_PORTS.router),
    USERS_PORT: port(DEFAULT_PORTS.users),
    CATALOG_PORT: port(DEFAULT_PORTS.catalog),
    ORDERS_PORT: port(DEFAULT_PORTS.orders),
    SELLERS_PORT: port(DEFAULT_PORTS.sellers),
    RECOMMENDATIONS_PORT: port(DEFAULT_PORTS.recommendations),
    ROUTER_WORKERS: z.string().default("auto"),
    READY_TIMEOUT_MS: z.coerce.number().int().min(1_000).default(120_000),
  }),
);

const log = (msg: string, fields: Record<string, unknown> = {}) =>
  console.log(JSON.stringify({ level: "info", time: new Date().toISOString(), service: "start-prod", msg, ...fields }));

const ports: Record<string, number> = {
  users: env.USERS_PORT,
  catalog: env.CATALOG_PORT,
  orders: env.ORDERS_PORT,
  sellers: env.SELLERS_PORT,
  recommendations: env.RECOMMENDATIONS_PORT,
};
const local = (p: number, path: string) => `http://${env.HOST === "0.0.0.0" ? "127.0.0.1" : env.HOST}:${p}${path}`;
const urls = Object.fromEntries(SUBGRAPHS.map(({ name }) => [name, local(ports[name] as number, "/graphql")]));
const shared = {
  ...process.env,
  NODE_ENV: "production",
  HOST: env.HOST,
  AUTH_JWKS_URL: local(env.USERS_PORT, "/.well-known/jwks.json"),
  // Subgraphs that call each other (users → catalog, orders → catalog and users) read <NAME>_URL;
  // the router reads SUBGRAPH_<NAME>_URL.
  ...Object.fromEntries(SUBGRAPHS.map(({ name }) => [`${name.toUpperCase()}_URL`, urls[name]])),
  ...Object.fromEntries(SUBGRAPHS.map(({ name }) => [`SUBGRAPH_${name.toUpperCase()}_URL`, urls[name]])),
};

const services: Service[] = [];
let stopping: Promise<void> | undefined;
const stopAll = (code: number) => {
  stopping ??= (async () => {
    // Router first: no new requests reach subgraphs that are about to go.
    for (const service of [...services].reverse()) await stopService(service);
    log("stopped");
    process.exit(code);
  })();
  return stopping;
};
process.on("SIGTERM", () => void stopAll(0));
process.on("SIGINT", () => void stopAll(0));

function supervise(service: Service): Service {
  services.push(service);
  void service.exited.then(({ code, signal }) => {
    if (stopping) return;
    console.error(
      JSON.stringify({ level: "error", service: "start-prod", msg: `${service.name} exited`, code, signal }),
    );
    void stopAll(1);
  });
  return service;
}

try {
  const connection = await openConnection({ url: env.DATABASE_URL, maxConnections: 1 });
  try {
    await migrate(connection);
  } finally {
    await connection.close();
  }
  log("database migrated");

  // catalog before users: users checks wishlist products against catalog.
  const order = [...SUBGRAPHS].sort((a, b) => a.after.length - b.after.length);
  for (const { name } of order) {
    const entry = join("subgraphs", name, "src", "index.ts");
    const service = supervise(startService(name, entry, { ...shared, PORT: String(ports[name]) }, root));
    await waitUntilOk(service, local(ports[name] as number, "/healthz"), env.READY_TIMEOUT_MS);
  }
  const router = supervise(
    startService(
      "router",
      join("router", "src", "index.ts"),
      { ...shared, PORT: String(env.PORT), ROUTER_WORKERS: env.ROUTER_WORKERS },
      root,
    ),
  );
  await waitUntilOk(router, local(env.PORT, "/readyz"), env.READY_TIMEOUT_MS);
  log("bazaar ready", { graphql: local(env.PORT, "/graphql"), subgraphs: urls });
} catch (error) {
  console.error(JSON.stringify({ level: "error", service: "start-prod", msg: "start failed", error: String(error) }));
  await stopAll(1);
}
