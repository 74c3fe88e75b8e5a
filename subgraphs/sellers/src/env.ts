import { parseEnv, subgraphEnvShape } from "@bazaar/subgraph-kit";
import { z } from "zod";

export const loadEnv = () =>
  parseEnv(
    z.object({
      ...subgraphEnvShape,
      PORT: z.coerce.number().int().min(0).max(65535).default(4004),
    }),
  );
