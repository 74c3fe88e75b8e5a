import { randomUUID } from "node:crypto";
import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import type { AccessTokenVerifier, Viewer } from "@bazaar/auth";
import {
  type DocumentNode,
  GraphQLError,
  type GraphQLFormattedError,
  type GraphQLSchema,
  parse,
  validate,
} from "graphql";
import { CloseCode } from "graphql-ws";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import { subscribeWithFreshContexts } from "./event-stream";
import { authenticateCaller, type SubscriptionCaller, untilExpiry } from "./subscription-auth";

export { createPubSub, type PubSub, type PublishArgsByTopic } from "./pub-sub";
export { SubscriptionParam } from "./subscription-auth";

export const DEFAULT_SUBSCRIPTION_INIT_TIMEOUT_MS = 3_000;
export const DEFAULT_SUBSCRIPTION_MAX_MESSAGE_BYTES = 64 * 1024;

export interface SubscriptionSettings {
  /** No `connection_init` within this → close 4408; default 3 s. */
  connectionInitWaitTimeoutMs?: number;
  /** Larger incoming messages close the socket with 1009; default 64 KiB. */
  maxMessageBytes?: number;
}

export interface SubgraphSubscriptionOptions<TContext> extends SubscriptionSettings {
  schema: GraphQLSchema;
  production: boolean;
  verifyToken?: AccessTokenVerifier | undefined;
  serviceToken?: string | undefined;
  /** The subgraph's own context factory; called once per event with the connection's identity. */
  context: (req: IncomingMessage, requestId: string, viewer: Viewer | null) => Promise<TContext> | TContext;
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
}

interface Connection extends SubscriptionCaller {
  expiry: NodeJS.Timeout | undefined;
}

/** Distinct valid documents kept parsed: the router sends a handful (its planner's operations), many times. */
const MAX_CACHED_DOCUMENTS = 256;

/**
 * Serves graphql-ws (`graphql-transport-ws`) on `/graphql` of the subgraph's HTTP server, for the
 * router. `connection_init` must carry the service token when one is configured, and may carry the
 * client's bearer token, verified as over HTTP; anything invalid closes the socket with 4403. The
 * socket is closed (4403) when the client's token expires.
 */
export function serveSubscriptions<TContext>(server: Server, options: SubgraphSubscriptionOptions<TContext>) {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxMessageBytes ?? DEFAULT_SUBSCRIPTION_MAX_MESSAGE_BYTES,
  });
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if ((req.url ?? "/").split("?")[0] !== "/graphql") return void socket.destroy();
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws, req));
  };
  server.on("upgrade", onUpgrade);
  const connections = new WeakMap<object, Connection>();
  const contextFactories = new WeakMap<object, () => Promise<unknown>>();
  const documents = new Map<string, DocumentNode>();
  const format = (errors: readonly { toJSON(): GraphQLFormattedError }[]) =>
    errors.map((error) => options.formatError(error.toJSON(), error));

  const disposable = useServer(
    {
      isProd: options.production,
      connectionInitWaitTimeout: options.connectionInitWaitTimeoutMs ?? DEFAULT_SUBSCRIPTION_INIT_TIMEOUT_MS,
      onConnect: async (ctx) => {
        const caller = await authenticateCaller(ctx.connectionParams, options);
        if ("refused" in caller) {
          ctx.extra.socket.close(CloseCode.Forbidden, `Forbidden: ${caller.refused}`);
          return false;
        }
        const { viewer } = caller;
        const expiry =
          viewer &&
          setTimeout(
            () => ctx.extra.socket.close(CloseCode.Forbidden, "Forbidden: access token expired"),
            untilExpiry(viewer),
          );
        connections.set(ctx.extra, { ...caller, expiry: expiry ?? undefined });
        return true;
      },
      onClose: (ctx) => clearTimeout(connections.get(ctx.extra)?.expiry),
      // graphql-ws' own parse + validate, with valid documents cached by their text.
      onSubscribe: (_ctx, _id, payload) => {
        let document = documents.get(payload.query);
        if (!document) {
          try {
            document = parse(payload.query);
          } catch (error) {
            if (error instanceof GraphQLError) return [error];
            throw error;
          }
          const invalid = validate(options.schema, document);
          if (invalid.length > 0) return invalid;
          if (documents.size >= MAX_CACHED_DOCUMENTS) documents.clear();
          documents.set(payload.query, document);
        }
        return {
          schema: options.schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
        };
      },
      context: async (ctx) => {
        const connection = connections.get(ctx.extra);
        const create = async () =>
          options.context(ctx.extra.request, connection?.requestId ?? randomUUID(), connection?.viewer ?? null);
        const value = await create();
        if (typeof value === "object" && value !== null) contextFactories.set(value, create);
        return value as object;
      },
      subscribe: (args) => {
        const context = args.contextValue;
        const fresh = typeof context === "object" && context !== null ? contextFactories.get(context) : undefined;
        return subscribeWithFreshContexts(args, fresh ?? (async () => context));
      },
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: format(result.errors) } : undefined,
      onError: (_ctx, _id, _payload, errors) => format(errors),
    },
    wss,
  );

  let closing: Promise<void> | undefined;
  return {
    /** Closes every socket (1001 going away) and stops accepting new ones. */
    close(): Promise<void> {
      closing ??= (async () => {
        server.off("upgrade", onUpgrade);
        await disposable.dispose();
      })();
      return closing;
    },
  };
}
