import { type Client, createClient, type FormattedExecutionResult } from "graphql-ws";
import WebSocket from "ws";

export type Result = FormattedExecutionResult<Record<string, unknown>, unknown>;

/** A graphql-ws client as an app would use it (no retries, so failures surface in the test). */
export function wsClient(url: string, connectionParams?: Record<string, unknown>): Client {
  return createClient({ url, webSocketImpl: WebSocket, connectionParams, retryAttempts: 0, lazy: true });
}

export interface Subscribed {
  /** The next result, in arrival order. */
  next(): Promise<Result>;
  /** Settles when the subscription ends: `error` is what the client reported, if anything. */
  ended: Promise<{ error?: unknown }>;
  dispose(): void;
}

export function subscribe(client: Client, query: string, variables: Record<string, unknown> = {}): Subscribed {
  const results: Result[] = [];
  const waiting: ((result: Result) => void)[] = [];
  let settle: (value: { error?: unknown }) => void = () => {};
  const ended = new Promise<{ error?: unknown }>((resolve) => {
    settle = resolve;
  });
  const dispose = client.subscribe<Record<string, unknown>>(
    { query, variables },
    {
      next: (result) => {
        const waiter = waiting.shift();
        if (waiter) waiter(result);
        else results.push(result);
      },
      error: (error) => settle({ error }),
      complete: () => settle({}),
    },
  );
  return {
    next: () => {
      const ready = results.shift();
      return ready ? Promise.resolve(ready) : new Promise((resolve) => waiting.push(resolve));
    },
    ended,
    dispose,
  };
}

/** A bare `graphql-transport-ws` socket, for protocol-level tests: raw messages in, close code out. */
export interface RawSocket {
  socket: WebSocket;
  send(message: unknown): void;
  /** The next message from the server, parsed. */
  receive(): Promise<{ type: string; id?: string; payload?: unknown }>;
  closed: Promise<{ code: number; reason: string }>;
  /** Everything received so far. */
  received: { type: string; id?: string; payload?: unknown }[];
}

export async function rawSocket(url: string): Promise<RawSocket> {
  const socket = new WebSocket(url, "graphql-transport-ws");
  const received: RawSocket["received"] = [];
  const waiting: ((message: RawSocket["received"][number]) => void)[] = [];
  let unread: RawSocket["received"] = [];
  socket.on("message", (data) => {
    const message = JSON.parse(String(data));
    received.push(message);
    const waiter = waiting.shift();
    if (waiter) waiter(message);
    else unread.push(message);
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.once("close", (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  await new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve());
    socket.once("error", reject);
  });
  return {
    socket,
    send: (message) => socket.send(typeof message === "string" ? message : JSON.stringify(message)),
    receive: () => {
      const [first, ...rest] = unread;
      unread = rest;
      return first ? Promise.resolve(first) : new Promise((resolve) => waiting.push(resolve));
    },
    closed,
    received,
  };
}

/** Opens a raw socket and completes `connection_init` → `connection_ack`. */
export async function acknowledgedSocket(url: string, payload?: Record<string, unknown>): Promise<RawSocket> {
  const raw = await rawSocket(url);
  raw.send({ type: "connection_init", ...(payload ? { payload } : {}) });
  const ack = await raw.receive();
  if (ack.type !== "connection_ack") throw new Error(`expected connection_ack, got ${JSON.stringify(ack)}`);
  return raw;
}

/** Polls `check` until it holds; a bounded wait for something asynchronous, never a timing assertion. */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  what: string,
  limitMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`still waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
