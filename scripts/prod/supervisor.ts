import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";

const STOP_GRACE_MS = 20_000;

export interface Service {
  name: string;
  child: ChildProcess;
  /** Resolves with the exit code (or signal) once the process ended, however it ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts one deployable as its own Node process running TypeScript through tsx (the same loader
 * `npm start` uses; decorators need the root tsconfig). Its output goes to ours: every line it
 * writes is already a JSON log line naming its service.
 */
export function startService(name: string, entry: string, env: NodeJS.ProcessEnv, cwd: string): Service {
  const child = spawn(process.execPath, ["--import", "tsx", entry], {
    cwd,
    env,
    stdio: ["ignore", "inherit", "inherit"],
  });
  const exited = once(child, "exit").then(([code, signal]) => ({
    code: code as number | null,
    signal: signal as NodeJS.Signals | null,
  }));
  return { name, child, exited };
}

/** Polls `url` until it answers 200, the service exits, or the time runs out. */
export async function waitUntilOk(service: Service, url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let gone = false;
  void service.exited.then(() => {
    gone = true;
  });
  while (Date.now() < deadline) {
    if (gone) throw new Error(`${service.name} exited before it was ready (${url})`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.body?.cancel();
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${service.name} was not ready within ${timeoutMs / 1000}s (${url})`);
}

/** SIGTERM, then SIGKILL after a grace period; resolves once the process is gone. */
export async function stopService(service: Service): Promise<void> {
  if (service.child.exitCode !== null || service.child.signalCode !== null) return;
  service.child.kill("SIGTERM");
  const timer = setTimeout(() => service.child.kill("SIGKILL"), STOP_GRACE_MS);
  await service.exited;
  clearTimeout(timer);
}
