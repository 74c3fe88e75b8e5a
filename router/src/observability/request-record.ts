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

/*
 * Records travel with the objects of a request — HTTP request → Apollo context value → plugin
 * hooks — rather than in AsyncLocalStorage: on Node 20 an active AsyncLocalStorage runs a hook for
 * every promise the process creates, and the gateway creates many per request. Apollo Server
 * copies the context value (own enumerable properties, symbols included) before plugins see it,
 * so the record rides on the context under a symbol.
 */
const byRequest = new WeakMap<object, RequestRecord>();
const RECORD = Symbol("bazaar.requestRecord");

export function attachRecord(req: object, record: RequestRecord): void {
  byRequest.set(req, record);
}

/** The record of an HTTP request that `observeRequests` wraps; undefined for any other. */
export const recordOfRequest = (req: object): RequestRecord | undefined => byRequest.get(req);

/** The record of the request an Apollo context value was created for (see `recordingContext`). */
export const recordOfContext = (context: object): RequestRecord | undefined =>
  (context as { [RECORD]?: RequestRecord })[RECORD];

export function bindContext(context: object, record: RequestRecord | undefined): void {
  if (record) (context as { [RECORD]?: RequestRecord })[RECORD] = record;
}
