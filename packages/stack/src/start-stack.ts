import { type KeyRing, localVerifier } from "@bazaar/auth";
import { type Connection, createDatabase } from "@bazaar/drizzle";
import { type Bus, createBus, type Housekeeping, type RunningRelays, startHousekeeping, startRelays } from "@bazaar/events";
import { createRouter } from "@bazaar/router";
import { listenAs } from "./errors";
import { createDepsFactory, ephemeralKeyRing } from "./subgraph-deps";
import { type StackSubgraphDeps, SUBGRAPHS, type ServiceName, type SubgraphName } from "./subgraphs";
import { startWaves } from "./waves";

export interface StackOptions {
  /** One connection (PGlite or a postgres.js pool) shared by every subgraph's database. */
  connection: Connection;
  /** Missing or 0: a free port, which is what tests want. */
  ports?: Partial<Record<ServiceName, number>>;
  /** Interface every service binds to; default 127.0.0.1. */
  host?: string;
  /** Every SQL statement, with the subgraph that sent it; for statement-count tests. */
  onQuery?: (subgraph: string, sql: string) => void;
  production?: boolean;
  /** users' signing keys; default a throwaway ring, so tokens do not outlive the stack. */
  keyRing?: KeyRing;
  /** Defaults to the committed schema/supergraph.graphql. */
  supergraphPath?: string;
  /** orders' payment provider: Stripe keys, or (default) the sandbox. */
  payments?: StackSubgraphDeps["payments"];
  /**
   * The event bus every subgraph subscribes to; default the one that fits the connection
   * (in-process for PGlite, the Postgres bus for PostgreSQL), closed with the stack.
   */
  bus?: Bus;
  /**
   * Relay the outboxes of these subgraphs onto the bus (default all five). Tests that want events
   * produced by another process, or that drive relays by hand, pass a subset or [].
   */
  relays?: readonly SubgraphName[];
}

export interface RunningStack {
  /** The router's GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql. */
  routerUrl: string;
  /** Subgraph name → its GraphQL endpoint, in port order. */
  subgraphUrls: Record<string, string>;
  /** The bus the subgraphs subscribe to (the given one or the stack's own). */
  bus: Bus;
  /** Stops the router first (no new plans), then the subgraphs. Safe to call twice. */
  stop(): Promise<void>;
}

type Running = { name: string; url: string; stop(): Promise<void> };

/** The five subgraphs and the router in this process, the router pointed at where the subgraphs really listen. */
export async function startStack(options: StackOptions): Promise<RunningStack> {
  const host = options.host ?? "127.0.0.1";
  const production = options.production ?? false;
  const onQuery = options.onQuery;
  const keyRing = options.keyRing ?? (await ephemeralKeyRing());
  // In one process every service trusts users' key ring directly instead of fetching the JWKS.
  const verifyToken = localVerifier(keyRing);
  const ownBus = !options.bus;
  const bus = options.bus ?? (await createBus(options.connection));
  const depsFor = createDepsFactory({
    keyRing,
    verifyToken,
    production,
    payments: options.payments,
    bus,
    databaseFor: (name) => createDatabase(options.connection, { onQuery: onQuery && ((sql) => onQuery(name, sql)) }),
  });
  const subgraphs: Running[] = [];
  const urls = () => Object.fromEntries(subgraphs.map((s) => [s.name, s.url]));
  let router: Running | undefined;
  let relays: RunningRelays | undefined;
  let housekeeping: Housekeeping | undefined;
  try {
    for (const wave of startWaves(SUBGRAPHS)) {
      const known = urls();
      const results = await Promise.allSettled(
        wave.map(async ({ name, load }) => {
          const server = await (await load()).createServer(depsFor(name, known));
          const port = options.ports?.[name] ?? 0;
          const running = await listenAs(name, host, port, () => server.listen(port, host));
          return { name, url: `${running.url}/graphql`, stop: running.stop };
        }),
      );
      for (const result of results) if (result.status === "fulfilled") subgraphs.push(result.value);
      const failed = results.find((result) => result.status === "rejected");
      if (failed) throw failed.reason;
    }
    const port = options.ports?.router ?? 0;
    const subgraphUrls = urls();
    const running = await listenAs("router", host, port, () =>
      createRouter({
        subgraphUrls,
        production,
        supergraphPath: options.supergraphPath,
        verifyToken,
        jwksUrl: new URL("/.well-known/jwks.json", subgraphUrls.users).href,
      }).listen(port, host),
    );
    router = { name: "router", url: `${running.url}/graphql`, stop: running.stop };
    // Last: every consumer and fan-out listener has subscribed by now, so no event is relayed past them.
    const producers = options.relays ?? SUBGRAPHS.map((s) => s.name);
    relays = await startRelays(options.connection, bus, producers);
    housekeeping = startHousekeeping(options.connection, bus, producers);
  } catch (error) {
    await router?.stop().catch(() => {});
    await stopAll(subgraphs).catch(() => {});
    if (ownBus) await bus.close().catch(() => {});
    throw error;
  }
  const started = { router, relays, housekeeping };

  let stopping: Promise<void> | undefined;
  const byPort = new Map(SUBGRAPHS.map((entry, index) => [entry.name as string, index]));
  return {
    routerUrl: started.router.url,
    bus,
    subgraphUrls: Object.fromEntries(
      [...subgraphs].sort((a, b) => (byPort.get(a.name) ?? 0) - (byPort.get(b.name) ?? 0)).map((s) => [s.name, s.url]),
    ),
    stop() {
      stopping ??= (async () => {
        // Relays first (each finishes its batch), so nothing is published into stopping consumers.
        await started.relays.stop();
        await started.housekeeping.stop();
        await started.router.stop();
        await stopAll(subgraphs);
        if (ownBus) await bus.close();
      })();
      return stopping;
    },
  };
}

async function stopAll(services: Running[]): Promise<void> {
  const results = await Promise.allSettled(services.map((s) => s.stop()));
  const failure = results.find((r) => r.status === "rejected");
  if (failure) throw failure.reason;
}
