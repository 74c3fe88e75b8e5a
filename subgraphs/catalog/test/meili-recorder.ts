import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  authorization: string | undefined;
}

type Reply = (request: RecordedRequest) => unknown;

/**
 * A stand-in Meilisearch HTTP API for checking what the real `meilisearch` client sends: it
 * records every request and answers like the server would (every write is an enqueued task that
 * has already succeeded when polled). Search and facet-search answers are set by the test.
 */
export async function startMeiliRecorder() {
  const requests: RecordedRequest[] = [];
  let taskUid = 0;
  const tasks = new Map<number, { status: string; type: string; indexUid: string | null }>();
  const replies: { search: Reply; facetSearch: Reply } = {
    search: () => ({ hits: [], totalHits: 0, page: 1, hitsPerPage: 20, totalPages: 0, facetDistribution: {} }),
    facetSearch: () => ({ facetHits: [], facetQuery: "", processingTimeMs: 0 }),
  };
  let failNextTask = false;

  const enqueue = (type: string, indexUid: string | null) => {
    taskUid += 1;
    tasks.set(taskUid, { status: failNextTask ? "failed" : "succeeded", type, indexUid });
    failNextTask = false;
    return { taskUid, indexUid, status: "enqueued", type, enqueuedAt: new Date().toISOString() };
  };

  function answer(request: RecordedRequest): [number, unknown] {
    const index = /^\/indexes\/([^/]+)/.exec(request.path)?.[1] ?? null;
    const task = /^\/tasks\/(\d+)$/.exec(request.path);
    if (task) {
      const known = tasks.get(Number(task[1]));
      return [
        200,
        {
          uid: Number(task[1]),
          batchUid: 0,
          canceledBy: null,
          duration: "PT0S",
          startedAt: null,
          finishedAt: null,
          enqueuedAt: new Date().toISOString(),
          indexUid: known?.indexUid ?? null,
          status: known?.status ?? "succeeded",
          type: known?.type ?? "unknown",
          error:
            known?.status === "failed"
              ? { message: "stand-in failure", code: "internal", type: "internal", link: "" }
              : null,
        },
      ];
    }
    if (request.path.endsWith("/search"))
      return [200, { processingTimeMs: 0, query: "", ...(replies.search(request) as object) }];
    if (request.path.endsWith("/facet-search")) return [200, replies.facetSearch(request)];
    if (request.path === "/swap-indexes") return [202, enqueue("indexSwap", null)];
    if (request.path.endsWith("/settings")) return [202, enqueue("settingsUpdate", index)];
    if (request.path.endsWith("/documents/delete-batch")) return [202, enqueue("documentDeletion", index)];
    if (request.path.endsWith("/documents")) return [202, enqueue("documentAdditionOrUpdate", index)];
    if (request.method === "DELETE" && index) return [202, enqueue("indexDeletion", index)];
    return [404, { message: `stand-in has no route for ${request.method} ${request.path}`, code: "not_found" }];
  }

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? "/", "http://stand-in");
    const text = Buffer.concat(chunks).toString("utf8");
    const request: RecordedRequest = {
      method: req.method ?? "GET",
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body: text ? JSON.parse(text) : undefined,
      authorization: req.headers.authorization,
    };
    if (!request.path.startsWith("/tasks/")) requests.push(request);
    const [status, body] = answer(request);
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    host: `http://127.0.0.1:${port}`,
    requests,
    replies,
    failNextTask: () => {
      failNextTask = true;
    },
    clear: () => requests.splice(0),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
export type MeiliRecorder = Awaited<ReturnType<typeof startMeiliRecorder>>;
