import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Connection, openConnection } from "@bazaar/drizzle";
import { parseEnv } from "@bazaar/subgraph-kit";
import { z } from "zod";

/** The same PGlite directory `npm start` uses, so the CLIs act on the app's data. */
export const PGLITE_DIR = join(fileURLToPath(new URL("../..", import.meta.url)), ".data", "pglite");

export const loadCliEnv = () =>
  parseEnv(
    z.object({
      DATABASE_URL: z.string().url().optional(),
      SEED_SCALE: z.coerce.number().positive().max(1000).default(1),
    }),
  );

/** DATABASE_URL → PostgreSQL; otherwise the embedded PGlite under `.data/pglite`. */
export async function openCliConnection(url: string | undefined): Promise<{ connection: Connection; where: string }> {
  if (url) {
    const connection = await openConnection({ url, maxConnections: 2 });
    return { connection, where: `PostgreSQL at ${new URL(url).host}${new URL(url).pathname}` };
  }
  mkdirSync(dirname(PGLITE_DIR), { recursive: true });
  return { connection: await openConnection({ dataDir: PGLITE_DIR }), where: `PGlite in ${PGLITE_DIR}` };
}
