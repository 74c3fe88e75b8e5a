import { parseEnv } from "@bazaar/subgraph-kit";
import { z } from "zod";
import type { MeiliConfig } from "./meilisearch/meili-config";

/**
 * Search configuration, the only place search reads the environment. Without MEILI_HOST the
 * catalog searches with PostgreSQL (the default, no extra service); with it, with Meilisearch.
 */
const searchEnv = z.object({
  /** e.g. http://127.0.0.1:7700; switches the catalog's search to Meilisearch. */
  MEILI_HOST: z.string().min(1).optional(),
  MEILI_API_KEY: z.string().min(1).optional(),
  /** Index holding the products; a reindex builds `<index>_reindex` and swaps it in. */
  MEILI_INDEX: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,200}$/, "letters, digits, - and _ only")
    .default("products"),
  /** "true": writes wait until Meilisearch applied them (read-your-writes, slower writes). */
  MEILI_WAIT_FOR_TASKS: z
    .enum(["true", "false"])
    .default("false")
    .transform((value) => value === "true"),
});

export interface SearchConfig {
  meili: MeiliConfig | null;
}

export function loadSearchConfig(source: NodeJS.ProcessEnv = process.env): SearchConfig {
  const env = parseEnv(searchEnv, source);
  if (!env.MEILI_HOST) return { meili: null };
  return {
    meili: {
      host: env.MEILI_HOST,
      apiKey: env.MEILI_API_KEY,
      indexUid: env.MEILI_INDEX,
      waitForTasks: env.MEILI_WAIT_FOR_TASKS,
    },
  };
}
