import { availableParallelism, cpus, loadavg, totalmem } from "node:os";
import type { Database } from "@bazaar/drizzle";
import { sql } from "drizzle-orm";

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  postgres: string;
  /** 1-minute load average when measuring began: other work on the machine skews the figures. */
  loadAverage: number;
}

/** What the figures were measured on. */
export async function describeMachine(db: Database): Promise<Machine> {
  const result = (await db.execute(sql`select current_setting('server_version') as version`)) as unknown;
  const rows = Array.isArray(result) ? result : ((result as { rows: unknown[] }).rows ?? []);
  return {
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model.trim() ?? "unknown",
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    postgres: String((rows[0] as { version?: string } | undefined)?.version ?? "unknown"),
    loadAverage: Math.round((loadavg()[0] ?? 0) * 100) / 100,
  };
}
