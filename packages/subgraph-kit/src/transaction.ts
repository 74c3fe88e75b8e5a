import type { Database, Transaction } from "@bazaar/drizzle";
import type { UserError } from "./errors";

/** Thrown inside `transactionOrUserErrors` to roll everything back and answer with these errors. */
export class UserErrorsAbort extends Error {
  constructor(readonly userErrors: UserError[]) {
    super(userErrors.map((e) => e.code).join(", "));
    this.name = "UserErrorsAbort";
  }
}

/** Rolls back the surrounding `transactionOrUserErrors` and answers with `errors`. */
export function abortWith(...errors: UserError[]): never {
  throw new UserErrorsAbort(errors);
}

export type TransactionOutcome<T> = { ok: true; value: T } | { ok: false; userErrors: UserError[] };

/**
 * Runs `work` in one transaction. An expected business failure found half-way (a taken slug, too
 * little stock) calls `abortWith(...)`: every write of the transaction is undone and the caller gets
 * the user errors instead of a value. Any other error propagates unchanged (also rolled back).
 */
export async function transactionOrUserErrors<T>(
  db: Database,
  work: (tx: Transaction) => Promise<T>,
): Promise<TransactionOutcome<T>> {
  try {
    return { ok: true, value: await db.transaction(work) };
  } catch (error) {
    if (error instanceof UserErrorsAbort) return { ok: false, userErrors: error.userErrors };
    throw error;
  }
}
