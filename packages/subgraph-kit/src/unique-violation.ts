/**
 * Whether `error` (or its cause: drizzle wraps driver errors) is PostgreSQL's unique violation of
 * the named constraint. postgres.js names it `constraint_name`, PGlite `constraint`.
 */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let current = error; current instanceof Error || isRecord(current); ) {
    const fields = current as { code?: unknown; constraint_name?: unknown; constraint?: unknown; cause?: unknown };
    if (fields.code === "23505" && (fields.constraint_name === constraint || fields.constraint === constraint)) return true;
    if (fields.cause === undefined || fields.cause === current) return false;
    current = fields.cause;
  }
  return false;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;
