import type { IncomingHttpHeaders } from "node:http";
import { Agent, type Dispatcher } from "undici";

/** What a subgraph answered, read whole (within the size cap) but not yet interpreted. */
export interface SubgraphReply {
  status: number;
  statusText: string;
  contentType: string | undefined;
  cacheControl: string | undefined;
  text: string;
}

/** The body went past the size cap; the rest was not read. */
export class ResponseTooLargeError extends Error {
  readonly type = "max-size";
}

/** Thrown into a fetch its signal abandoned (timeout, deadline). */
export class FetchAbortedError extends Error {
  override readonly name = "AbortError";
}

/**
 * Abandons one fetch. Deliberately not an AbortController: a fetch has exactly one listener, and
 * an EventTarget with its listener bookkeeping is measurable at several fetches per request.
 */
export class FetchSignal {
  aborted = false;
  onabort: (() => void) | undefined;

  abort(): void {
    if (this.aborted) return;
    this.aborted = true;
    this.onabort?.();
  }
}

export interface SubgraphPost {
  /** Parsed once per data source (see SubgraphDataSource), not per fetch. */
  origin: string;
  path: string;
  headers: Record<string, string>;
  body: string;
  signal: FetchSignal | undefined;
  maxResponseBytes: number;
}

export interface SubgraphTransport {
  post(request: SubgraphPost): Promise<SubgraphReply>;
  /** Closes pooled sockets so stopped subgraphs are not held open by idle connections. */
  close(): Promise<void>;
}

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join(", ") : value);

/**
 * Collects one response in memory, up to the size cap, through undici's dispatch interface: no
 * response stream, no async resource and no header object beyond undici's own per fetch.
 */
class ReplyCollector implements Dispatcher.DispatchHandler {
  private controller: Dispatcher.DispatchController | undefined;
  private settled = false;
  private status = 0;
  private statusText = "";
  private headers: IncomingHttpHeaders = {};
  private readonly chunks: Buffer[] = [];
  private size = 0;

  constructor(
    private readonly request: SubgraphPost,
    private readonly resolve: (reply: SubgraphReply) => void,
    private readonly reject: (error: Error) => void,
  ) {
    const { signal } = request;
    if (signal) signal.onabort = () => this.abandon();
  }

  /** Aborted before undici started the request (e.g. still connecting): fail now; nothing is sent later. */
  private abandon(): void {
    const error = new FetchAbortedError("subgraph fetch abandoned");
    if (this.controller) this.controller.abort(error);
    else this.settle(error);
  }

  private settle(outcome: Error | SubgraphReply): void {
    if (this.settled) return;
    this.settled = true;
    if (this.request.signal) this.request.signal.onabort = undefined;
    if (outcome instanceof Error) this.reject(outcome);
    else this.resolve(outcome);
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    if (this.request.signal?.aborted) controller.abort(new FetchAbortedError("subgraph fetch abandoned"));
  }

  onResponseStart(
    controller: Dispatcher.DispatchController,
    statusCode: number,
    headers: IncomingHttpHeaders,
    statusMessage?: string,
  ): void {
    this.status = statusCode;
    this.statusText = statusMessage ?? "";
    this.headers = headers;
    const declared = Number(headers["content-length"]);
    if (declared > this.request.maxResponseBytes)
      controller.abort(new ResponseTooLargeError(`response body of ${declared} bytes`));
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.size += chunk.length;
    if (this.size > this.request.maxResponseBytes) {
      controller.abort(new ResponseTooLargeError(`response body over ${this.request.maxResponseBytes} bytes`));
      return;
    }
    this.chunks.push(chunk);
  }

  onResponseEnd(): void {
    const { chunks, size } = this;
    this.settle({
      status: this.status,
      statusText: this.statusText,
      contentType: header(this.headers["content-type"]),
      cacheControl: header(this.headers["cache-control"]),
      text: chunks.length === 1 ? (chunks[0] as Buffer).toString("utf8") : Buffer.concat(chunks, size).toString("utf8"),
    });
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    this.settle(error);
  }
}

/**
 * One keep-alive pool per router for every subgraph fetch (undici: a warm connection per
 * in-flight fetch, no handshake per request, and none of node-fetch's Request/Response/Headers
 * objects per fetch). POSTs are never retried: a mutation that may have reached the subgraph must
 * not run twice.
 */
export function createSubgraphTransport(): SubgraphTransport {
  const agent = new Agent({ keepAliveTimeout: 30_000, pipelining: 1 });
  return {
    post(request) {
      if (request.signal?.aborted) return Promise.reject(new FetchAbortedError("subgraph fetch abandoned"));
      return new Promise<SubgraphReply>((resolve, reject) => {
        const { origin, path, headers, body } = request;
        agent.dispatch({ origin, path, method: "POST", headers, body }, new ReplyCollector(request, resolve, reject));
      });
    },
    // destroy, not close: a fetch still hanging on a stalled subgraph must not hold up a stop.
    close: () => agent.destroy(),
  };
}
