import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { generatePrivateJwk } from "@bazaar/auth";
import { createDatabase, migrate, openConnection } from "@bazaar/drizzle";
import { freePort, graphqlClient, type PostgresCluster, startPostgresCluster } from "@bazaar/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "./seed/index";

const root = fileURLToPath(new URL("..", import.meta.url));
let cluster: PostgresCluster;
let child: ChildProcess;
let routerUrl: string;
let output = "";

async function waitForReady(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`start:prod exited with ${child.exitCode}:\n${output.slice(-4_000)}`);
    const ok = await fetch(url)
      .then((res) => res.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`not ready within ${timeoutMs / 1000}s:\n${output.slice(-4_000)}`);
}

beforeAll(async () => {
  cluster = await startPostgresCluster();
  const connection = await openConnection({ url: cluster.url, maxConnections: 4 });
  try {
    await migrate(connection);
    await seedDemoData(createDatabase(connection), { scale: 0.05 });
  } finally {
    await connection.close();
  }
  const [router, users, catalog, orders, sellers, recommendations] = await Promise.all(
    Array.from({ length: 6 }, () => freePort()),
  );
  routerUrl = `http://127.0.0.1:${router}`;
  child = spawn(process.execPath, ["--import", "tsx", "scripts/start-prod.ts"], {
    cwd: root,
    env: {
      ...process.env,
      TSX_TSCONFIG_PATH: `${root}tsconfig.json`,
      DATABASE_URL: cluster.url,
      SERVICE_TOKEN: "start-prod-test-service-token-0123456789",
      AUTH_SIGNING_KEYS: JSON.stringify({ keys: [await generatePrivateJwk()] }),
      PORT: String(router),
      USERS_PORT: String(users),
      CATALOG_PORT: String(catalog),
      ORDERS_PORT: String(orders),
      SELLERS_PORT: String(sellers),
      RECOMMENDATIONS_PORT: String(recommendations),
      // Two workers whatever the machine: the cluster path is what is under test.
      ROUTER_WORKERS: "2",
      LOG_LEVEL: "warn",
      // orders in production needs Stripe or an explicit sandbox.
      PAYMENT_PROVIDER: "sandbox",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  await waitForReady(`${routerUrl}/readyz`, 150_000);
}, 240_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    child.kill("SIGKILL");
    await once(child, "exit");
  }
  await cluster?.stop();
});

describe("npm run start:prod", () => {
  it("answers a query that spans subgraphs through the router", async () => {
    type Products = { products: { edges: { node: { title: string; seller: { name: string } } }[] } };
    const res = await graphqlClient(`${routerUrl}/graphql`)<Products>(
      `{ products(first: 3, sort: POPULARITY) { edges { node { title seller { name } recommendations(first: 1) { id } } } } }`,
    );
    expect(res.body.errors).toBeUndefined();
    const edges = res.body.data?.products.edges ?? [];
    expect(edges).toHaveLength(3);
    for (const { node } of edges) expect(node.seller.name).toEqual(expect.any(String));
  });

  it("logs a demo customer in and serves their profile with the issued token", async () => {
    const gql = graphqlClient(`${routerUrl}/graphql`);
    const login = await gql<{ login: { accessToken: string | null } }>(
      `mutation { login(input: { email: "customer@bazaar.test", password: "customer-demo-2026" }) { accessToken userErrors { code } } }`,
    );
    const token = login.body.data?.login.accessToken;
    expect(token).toEqual(expect.any(String));
    const me = await gql(`{ me { email } }`, {}, { authorization: `Bearer ${token}` });
    expect(me.body).toEqual({ data: { me: { email: "customer@bazaar.test" } } });
  });

  it("runs production settings: no GraphiQL, no introspection, cluster-wide metrics", async () => {
    const page = await fetch(`${routerUrl}/graphql`, { headers: { accept: "text/html" } });
    expect(page.headers.get("content-type")).not.toMatch(/text\/html/);
    const introspection = await graphqlClient(`${routerUrl}/graphql`)(`{ __schema { queryType { name } } }`);
    expect(introspection.body.data ?? null).toBeNull();
    const metrics = await (await fetch(`${routerUrl}/metrics`)).text();
    expect(metrics).toMatch(/bazaar_router_requests_total\{[^}]*operation_type="mutation"[^}]*\} 1/);
  });

  it("stops every process cleanly on SIGTERM", async () => {
    child.kill("SIGTERM");
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
    await expect(fetch(`${routerUrl}/healthz`)).rejects.toThrow();
  });
});
