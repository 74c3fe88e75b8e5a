import type { IncomingMessage, ServerResponse } from "node:http";
import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import type { Logger } from "./logger";
import type { RequestOutcome, RouterMetrics } from "./metrics";
import { attachRecord, bindContext, type RequestRecord, recordOfContext, recordOfRequest } from "./request-record";

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

const SAFE_HEADER = /^[\w .:/@+-]{1,64}$/;

/** A header value fit for a log line and a metric label: short, printable, or nothing. */
function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === "string" && SAFE_HEADER.test(value) ? value : undefined;
}

function outcomeOf(record: RequestRecord, status: number): RequestOutcome {
  if (record.errorCodes.length === 0 && status < 400) return "success";
  return record.hasData ? "partial" : "error";
}

/**
 * Wraps the /graphql handler: one structured log line and one set of metrics per request, whether
 * it was executed, refused by a limit, or failed before GraphQL (body too large, bad JSON).
 * Variables, headers and tokens are never logged.
 */
export function observeRequests(handler: Handler, logger: Logger, metrics: RouterMetrics): Handler {
  return (req, res) => {
    const started = process.hrtime.bigint();
    const record: RequestRecord = {
      clientName: header(req, "apollographql-client-name"),
      clientVersion: header(req, "apollographql-client-version"),
      errorCodes: [],
      hasData: false,
    };
    res.once("close", () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      // Failures answered outside GraphQL (413, 415, 400 bad JSON) still get a code.
      if (record.errorCodes.length === 0 && res.statusCode >= 400) record.errorCodes.push(`HTTP_${res.statusCode}`);
      const operationType = record.operationType ?? "none";
      const outcome = outcomeOf(record, res.statusCode);
      metrics.requests.inc({ operation_type: operationType, outcome });
      metrics.requestDuration.observe({ operation_type: operationType }, seconds);
      for (const code of record.errorCodes) metrics.errors.inc({ code });
      const line = {
        requestId: record.requestId ?? header(req, "x-request-id"),
        client: record.clientName,
        clientVersion: record.clientVersion,
        operationName: record.operationName,
        operationType: record.operationType,
        status: res.statusCode,
        outcome,
        durationMs: Math.round(seconds * 10_000) / 10,
        ...(record.errorCodes.length > 0 ? { errorCodes: [...new Set(record.errorCodes)] } : {}),
        ...(res.writableFinished ? {} : { aborted: true }),
      };
      if (res.statusCode >= 500) logger.error(line, "request");
      else logger.info(line, "request");
    });
    attachRecord(req, record);
    return handler(req, res);
  };
}

const codeOf = (error: unknown) => {
  const code = (error as { extensions?: { code?: unknown } }).extensions?.code;
  return typeof code === "string" ? code : "INTERNAL_SERVER_ERROR";
};

/**
 * Wraps Apollo's context function: the context value it creates is bound to the request's record
 * (so `observabilityPlugin` finds it), and a failure to create one (e.g. a bad token → 401, which
 * never reaches a plugin's requestDidStart) is noted on the record.
 */
export function recordingContext<TContext extends object>(
  create: (req: IncomingMessage) => Promise<TContext>,
): (req: IncomingMessage) => Promise<TContext> {
  return async (req) => {
    const record = recordOfRequest(req);
    try {
      const context = await create(req);
      bindContext(context, record);
      return context;
    } catch (error) {
      record?.errorCodes.push(codeOf(error));
      throw error;
    }
  };
}

/** Fills the current request record from Apollo's view of the operation. */
export function observabilityPlugin<
  TContext extends BaseContext & { requestId?: string },
>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ contextValue }) {
      const record = recordOfContext(contextValue);
      if (record) record.requestId = contextValue.requestId;
      return {
        async didResolveOperation({ operationName, operation }) {
          if (!record) return;
          record.operationName = operationName ?? undefined;
          record.operationType = operation?.operation;
        },
        async willSendResponse({ response }) {
          if (!record) return;
          // Partners are identified by API key (router/src/clients), not by a header they choose.
          const partner = (contextValue as { client?: { partner?: string } }).client?.partner;
          if (partner) record.clientName = `partner:${partner}`;
          if (response.body.kind !== "single") return;
          const { data, errors } = response.body.singleResult;
          record.hasData = data !== undefined && data !== null;
          for (const error of errors ?? []) record.errorCodes.push(codeOf(error));
        },
      };
    },
  };
}
