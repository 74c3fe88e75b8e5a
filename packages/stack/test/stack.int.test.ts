import { createServer, type Server } from "node:net";
import { createTestDatabase, graphqlClient, type TestDatabase } from "@bazaar/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PortInUseError, startStack } from "../src/index";

let testDb: TestDatabase;

beforeAll(async () => {
  testDb = await createTestDatabase();
});

afterAll(async () => {
  await testDb?.drop();
});

describe("startStack", () => {
  it("serves every subgraph and the router, and tags each SQL statement with its subgraph", async () => {
    const statements: [string, string][] = [];
    const stack = await startStack({
      connection: testDb.connection,
      onQuery: (subgraph, sql) => statements.push([subgraph, sql]),
    });
    try {
      expect(Object.keys(stack.subgraphUrls).sort()).toEqual([
        "catalog",
        "orders",
        "recommendations",
        "sellers",
        "users",
      ]);
      const sellers = stack.subgraphUrls.sellers ?? "";
      const res = await graphqlClient(sellers)(`{ sellers(first: 1) { totalCount } }`);
      expect(res.body).toEqual({ data: { sellers: { totalCount: 0 } } });
      expect(statements.length).toBeGreaterThan(0);
      expect(new Set(statements.map(([subgraph]) => subgraph))).toEqual(new Set(["sellers"]));
    } finally {
      await stack.stop();
      await stack.stop(); // a second stop is harmless
    }
  });

  it("lets a user registered through the router call authenticated fields with the token users issued", async () => {
    const stack = await startStack({ connection: testDb.connection });
    try {
      const api = graphqlClient(stack.routerUrl);
      const registered = await api<{ register: { accessToken: string | null; userErrors: unknown[] } }>(
        `mutation($input: RegisterInput!) { register(input: $input) { accessToken userErrors { code message } } }`,
        { input: { name: "Stack Tester", email: "stack.tester@example.com", password: "correct horse battery" } },
      );
      const token = registered.body.data?.register.accessToken;
      expect(registered.body.data?.register.userErrors).toEqual([]);
      expect(token).toEqual(expect.any(String));

      const anonymous = await api(`{ me { email } }`);
      expect(anonymous.body.data).toEqual({ me: null });
      const signedIn = await api(`{ me { email } }`, {}, { authorization: `Bearer ${token}` });
      expect(signedIn.body).toEqual({ data: { me: { email: "stack.tester@example.com" } } });
    } finally {
      await stack.stop();
    }
  });

  it("names the service whose port is taken", async () => {
    const squatter: Server = createServer();
    await new Promise<void>((resolve) => squatter.listen(0, "127.0.0.1", resolve));
    const port = (squatter.address() as { port: number }).port;
    try {
      const attempt = startStack({ connection: testDb.connection, ports: { orders: port } });
      await expect(attempt).rejects.toBeInstanceOf(PortInUseError);
      await expect(attempt).rejects.toMatchObject({ service: "orders", port });
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
  });
});
