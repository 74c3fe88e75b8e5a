import { z } from "zod";

/**
 * Parses configuration from the environment once, at start-up, and stops the process with one
 * readable message listing every invalid variable. Shared by the router and the subgraphs (which
 * otherwise have no package in common) and by the scripts.
 */
export function parseEnv<T extends z.ZodType>(schema: T, source: NodeJS.ProcessEnv = process.env): z.infer<T> {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `  ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  throw new Error(`Invalid configuration:\n${problems.join("\n")}`);
}

/** An on/off variable: `true`/`false`, `1`/`0` or `on`/`off`. */
export const envFlag = z
  .enum(["on", "off", "true", "false", "1", "0"])
  .transform((value) => value === "on" || value === "true" || value === "1");
