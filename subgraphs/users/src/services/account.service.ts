import { lengthOf, newId, notFound, path, requireViewer, type UserError, userError } from "@bazaar/subgraph-kit";
import type { UsersContext } from "../context";
import { findCredentialsByEmail, insertAccount, updateUserName } from "../db/user.queries";
import type { User } from "../schema/user.type";
import { isValidEmail, normalizeEmail, PASSWORD_MAX, validateName, validateRegistration } from "./account.validation";
import { beginLoginAttempt } from "./login-throttle.service";
import { hashPassword, verifyAgainstDecoy, verifyPassword } from "./password.hasher";
import { type SessionResult, sessionFailure, startSession } from "./session.service";
import { toUser } from "./user.service";

export async function register(
  ctx: UsersContext,
  input: { name: string; email: string; password: string },
): Promise<SessionResult> {
  const { errors, value } = validateRegistration(input);
  if (errors.length > 0) return sessionFailure(errors);
  const passwordHash = await hashPassword(value.password);
  const account = await insertAccount(ctx.db, { id: newId("usr"), name: value.name, email: value.email, passwordHash });
  if (!account) {
    return sessionFailure([userError("EMAIL_TAKEN", "An account with this email already exists", path("email"))]);
  }
  return startSession(ctx, account);
}

/** One answer for an unknown email and a wrong password alike, so sign-in cannot probe for accounts. */
const invalidCredentials = () => userError("INVALID_CREDENTIALS", "Email or password is incorrect");

// NUL cannot be stored in Postgres text; the key only needs to tell attempts apart.
const accountKeyOf = (email: string) => email.replaceAll("\u0000", "").slice(0, 320);

export async function login(
  ctx: UsersContext,
  input: { email: string; password: string },
): Promise<SessionResult & { retryAfterSeconds: number | null }> {
  const email = normalizeEmail(input.email);
  const attempt = await beginLoginAttempt(ctx, accountKeyOf(email));
  if (attempt.retryAfterSeconds !== null) {
    const seconds = attempt.retryAfterSeconds;
    const throttled = userError("LOGIN_THROTTLED", `Too many sign-in attempts; try again in ${seconds} seconds`);
    return { ...sessionFailure([throttled]), retryAfterSeconds: seconds };
  }
  const account = isValidEmail(email) ? await findCredentialsByEmail(ctx.db, email) : undefined;
  // Unknown email, no password set, oversized password: the same scrypt work, then the same answer.
  const verified =
    account?.passwordHash && lengthOf(input.password) <= PASSWORD_MAX
      ? await verifyPassword(input.password, account.passwordHash)
      : await verifyAgainstDecoy(input.password);
  if (!account || !verified) return { ...sessionFailure([invalidCredentials()]), retryAfterSeconds: null };
  await attempt.succeeded();
  return { ...(await startSession(ctx, account)), retryAfterSeconds: null };
}

export async function updateProfile(
  ctx: UsersContext,
  input: { name: string },
): Promise<{ user: User | null; userErrors: UserError[] }> {
  const viewer = requireViewer(ctx);
  const errors: UserError[] = [];
  const name = validateName(errors, input.name);
  if (errors.length > 0) return { user: null, userErrors: errors };
  const row = await updateUserName(ctx.db, viewer.userId, name);
  if (!row) throw notFound("User");
  ctx.loaders.publicUserById.clear(viewer.userId).prime(viewer.userId, row);
  return { user: toUser(row), userErrors: [] };
}
