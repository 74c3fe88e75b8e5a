import type { Database } from "@bazaar/drizzle";
import { tables } from "@bazaar/drizzle";
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";

const { loginFailures } = tables;

export interface ThrottleLimits {
  windowSeconds: number;
  perAccount: number;
  perIp: number;
}

/** Records an attempt as failed before the password is checked; a success deletes it again. */
export async function recordLoginFailure(db: Database, email: string, ip: string): Promise<number> {
  const rows = await db.insert(loginFailures).values({ email, ip }).returning({ id: loginFailures.id });
  return (rows[0] as { id: number }).id;
}

/**
 * Seconds until each key is allowed again, or null when it is not throttled. Counted after this
 * attempt's own row was written, so parallel guesses see each other and cannot all slip through.
 * A key is throttled while it has more than `limit` failures in the window (this one included);
 * it is released when the `limit`-th newest earlier failure leaves the window.
 */
export async function throttleState(db: Database, email: string, ip: string, limits: ThrottleLimits) {
  const window = sql`make_interval(secs => ${limits.windowSeconds})`;
  const retryAfter = (key: ReturnType<typeof and>, limit: number) => sql`(
    select greatest(1, ceil(extract(epoch from (${loginFailures.createdAt} + ${window} - now()))))::int
    from ${loginFailures}
    where ${key} and ${loginFailures.createdAt} > now() - ${window}
    order by ${loginFailures.createdAt} desc, ${loginFailures.id} desc
    offset ${limit} limit 1)`;
  const accountKey = and(eq(loginFailures.email, email), isNull(loginFailures.clearedAt));
  const ipKey = and(eq(loginFailures.ip, ip));
  // One statement for both keys; selected from a one-row relation (drizzle needs a FROM).
  const rows = await db
    .select({
      account: sql<number | null>`${retryAfter(accountKey, limits.perAccount)}`,
      ip: sql<number | null>`${retryAfter(ipKey, limits.perIp)}`,
    })
    .from(sql`(values (1)) as one (x)`);
  return { account: rows[0]?.account ?? null, ip: rows[0]?.ip ?? null };
}

export const forgetLoginFailure = (db: Database, id: number) =>
  db.delete(loginFailures).where(eq(loginFailures.id, id));

/**
 * A successful sign-in resets the account's count (the IP keeps its own), and drops rows of both keys
 * that left the window, so the table stays as small as the traffic of the last minutes.
 */
export async function clearAccountFailures(db: Database, email: string, ip: string, windowSeconds: number) {
  await db
    .update(loginFailures)
    .set({ clearedAt: sql`now()` })
    .where(and(eq(loginFailures.email, email), isNull(loginFailures.clearedAt)));
  await db
    .delete(loginFailures)
    .where(
      and(
        or(eq(loginFailures.email, email), eq(loginFailures.ip, ip)),
        lt(loginFailures.createdAt, sql`now() - make_interval(secs => ${windowSeconds})`),
      ),
    );
}
