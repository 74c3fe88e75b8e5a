import { type ChildProcess, fork } from "node:child_process";

/** What a bench child process says over IPC. */
export type ChildMessage =
  | { type: "ready"; url?: string; subgraphUrls?: Record<string, string> }
  | { type: "cpu"; user: number; system: number }
  | { type: "error"; message: string };

/** What the parent asks of a bench child. */
export type ParentMessage = { type: "cpu" } | { type: "stop" };

export interface BenchChild {
  ready: Extract<ChildMessage, { type: "ready" }>;
  /** CPU seconds (user + system) the child has used so far, read inside it by `process.cpuUsage()`. */
  cpuSeconds(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Forks a TypeScript entry (same tsx loader as this process) and waits for its `ready` message.
 * Children measure their own CPU time, so the figure is that one process's, whatever else runs.
 */
export async function startChild(
  entry: string,
  env: Record<string, string>,
  options: { execArgv?: string[]; label: string },
): Promise<BenchChild> {
  const child: ChildProcess = fork(entry, {
    execArgv: [...process.execArgv, ...(options.execArgv ?? [])],
    env: { ...process.env, ...env },
    // A deployed router logs a line per request: those go to /dev/null, errors stay visible.
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  const waiting = new Map<string, ((message: ChildMessage) => void)[]>();
  let exited: Error | undefined;
  child.on("message", (message: ChildMessage) => waiting.get(message.type)?.shift()?.(message));
  const exit = new Promise<void>((resolve) => {
    child.once("exit", (code, signal) => {
      exited = new Error(`${options.label} exited (${signal ?? code})`);
      for (const resolvers of waiting.values()) resolvers.splice(0);
      resolve();
    });
  });
  const next = <T extends ChildMessage["type"]>(type: T) =>
    new Promise<Extract<ChildMessage, { type: T }>>((resolve, reject) => {
      if (exited) return reject(exited);
      const list = waiting.get(type) ?? [];
      list.push((message) => resolve(message as Extract<ChildMessage, { type: T }>));
      waiting.set(type, list);
      void exit.then(() => reject(exited));
    });
  const failed = next("error").then((m) => {
    throw new Error(`${options.label}: ${m.message}`);
  });
  failed.catch(() => {});
  const ready = await Promise.race([next("ready"), failed]);
  const send = (message: ParentMessage) => child.send(message);
  return {
    ready,
    async cpuSeconds() {
      const reply = next("cpu");
      send({ type: "cpu" });
      const { user, system } = await reply;
      return (user + system) / 1e6;
    },
    async stop() {
      if (exited) return;
      send({ type: "stop" });
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exit;
      clearTimeout(timer);
    },
  };
}

/** The child's side: answers CPU questions, stops on request, reports start-up failures. */
export function serveParent(start: () => Promise<{ ready: Omit<Extract<ChildMessage, { type: "ready" }>, "type">; stop(): Promise<void> }>): void {
  const send = (message: ChildMessage) => process.send?.(message);
  start().then(
    ({ ready, stop }) => {
      process.on("message", (message: ParentMessage) => {
        if (message.type === "cpu") send({ type: "cpu", ...process.cpuUsage() });
        if (message.type === "stop") {
          void stop()
            .catch(() => {})
            // process.exit (not a signal) so `--cpu-prof` writes its profile.
            .finally(() => process.exit(0));
        }
      });
      send({ type: "ready", ...ready });
    },
    (error: unknown) => {
      send({ type: "error", message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      setTimeout(() => process.exit(1), 100);
    },
  );
}
