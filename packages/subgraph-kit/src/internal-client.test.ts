import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InternalCallError, internalClient, operation } from "./internal-client";

type Reply = { status: number; body: string; delayMs?: number };
let server: Server;
let url: string;
let reply: Reply = { status: 200, body: "{}" };
const seen: { headers: IncomingHttpHeaders; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      seen.push({ headers: req.headers, body });
      setTimeout(() => {
        res.writeHead(reply.status, { "content-type": "application/json" });
        res.end(reply.body);
      }, reply.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const HELLO = operation<{ hello: string }, { name: string }>("query($name: String!) { hello(name: $name) }");

async function failure(promise: Promise<unknown>): Promise<InternalCallError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof InternalCallError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

describe("internalClient", () => {
  it("posts the operation as JSON with the service credential and returns its data", async () => {
    reply = { status: 200, body: JSON.stringify({ data: { hello: "Ada" } }) };
    const client = internalClient({ service: "greeter", url, serviceToken: "t".repeat(40) });
    expect(await client.request(HELLO, { name: "Ada" }, { headers: { authorization: "Bearer x" } })).toEqual({
      hello: "Ada",
    });
    const last = seen.at(-1);
    expect(last?.headers["x-bazaar-service-token"]).toBe("t".repeat(40));
    expect(last?.headers.authorization).toBe("Bearer x");
    expect(last?.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(last?.body ?? "")).toEqual({ query: HELLO.document, variables: { name: "Ada" } });
    client.close();
  });

  it("turns GraphQL errors into SERVICE_ERROR, keeping them for the caller", async () => {
    reply = {
      status: 200,
      body: JSON.stringify({ errors: [{ message: "boom", extensions: { code: "BAD_USER_INPUT" } }] }),
    };
    const error = await failure(internalClient({ service: "greeter", url }).request(HELLO, { name: "x" }));
    expect(error.code).toBe("SERVICE_ERROR");
    expect(error.remoteErrors[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(error.toGraphQLError().extensions.code).toBe("SERVICE_UNAVAILABLE");
  });

  it("turns HTTP failures and non-GraphQL answers into SERVICE_UNAVAILABLE", async () => {
    reply = { status: 502, body: "<html>bad gateway</html>" };
    expect((await failure(internalClient({ service: "greeter", url }).request(HELLO, { name: "x" }))).code).toBe(
      "SERVICE_UNAVAILABLE",
    );
  });

  it("gives up after the timeout with SERVICE_TIMEOUT", async () => {
    reply = { status: 200, body: JSON.stringify({ data: { hello: "late" } }), delayMs: 300 };
    const error = await failure(
      internalClient({ service: "greeter", url, timeoutMs: 50 }).request(HELLO, { name: "x" }),
    );
    expect(error.code).toBe("SERVICE_TIMEOUT");
  });

  it("reports a service that is not listening as SERVICE_UNAVAILABLE", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await failure(
      internalClient({ service: "greeter", url: `http://127.0.0.1:${port}/graphql` }).request(HELLO, { name: "x" }),
    );
    expect(error.code).toBe("SERVICE_UNAVAILABLE");
    expect(error.message).toMatch(/^greeter: /);
  });
});
