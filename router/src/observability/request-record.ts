import { AsyncLocalStorage } from "node:async_hooks";

/** What one request's log line and metrics say, filled in as the request moves through the router. */
export interface RequestRecord {
  requestId?: string | undefined;
  clientName?: string | undefined;
  clientVersion?: string | undefined;
  operationName?: string | undefined;
  operationType?: string | undefined;
  /** `extensions.code` of every error in the response, in order, repeats kept. */
  errorCodes: string[];
  /** Whether the response carried any data (partial answers have data and errors). */
  hasData: boolean;
}

const storage = new AsyncLocalStorage<RequestRecord>();

/** Runs `fn` with a fresh record that `currentRequest()` returns anywhere below it. */
export function withRequestRecord<T>(record: RequestRecord, fn: () => T): T {
  return storage.run(record, fn);
}

export function currentRequest(): RequestRecord | undefined {
  return storage.getStore();
}

/**
 * For code that answers a request itself, before or instead of GraphQL execution (limits, rate
 * limits, persisted queries): names the refusal so the log line and `bazaar_router_errors_total` show it.
 */
export function noteErrorCode(code: string): void {
  storage.getStore()?.errorCodes.push(code);
}

/** For client identification (API keys, app headers): overrides the header-derived client name. */
export function noteClient(name: string | undefined, version?: string | undefined): void {
  const record = storage.getStore();
  if (!record) return;
  record.clientName = name;
  if (version !== undefined) record.clientVersion = version;
}
