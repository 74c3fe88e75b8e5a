import { boundedText, type Errors, lengthOf, path, userError } from "@bazaar/subgraph-kit";

export const NAME_MAX = 100;
export const EMAIL_MAX = 254;
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

/** Emails are compared and stored trimmed and lower-cased: one account per mailbox however it is typed. */
export const normalizeEmail = (raw: string): string => raw.trim().toLowerCase();

// A pragmatic subset of RFC 5321: a dot-atom local part and a domain of at least two DNS labels.
const LOCAL_PART = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN = /^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** Syntax of an already normalised email. */
export function isValidEmail(email: string): boolean {
  if (email.length > EMAIL_MAX) return false;
  const at = email.lastIndexOf("@");
  if (at <= 0) return false;
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  return local.length <= 64 && LOCAL_PART.test(local) && DOMAIN.test(domain);
}

export function validateName(errors: Errors, raw: string): string {
  return boundedText(errors, "name", raw, NAME_MAX) ?? "";
}

export function validateEmail(errors: Errors, raw: string): string {
  const email = normalizeEmail(raw);
  if (!isValidEmail(email)) errors.push(userError("INVALID_EMAIL", "Enter a valid email address", path("email")));
  return email;
}

/**
 * NIST SP 800-63B style: a minimum length rather than composition rules, an upper bound so hashing
 * stays cheap, and not the account's own email or its local part.
 */
export function validatePassword(errors: Errors, password: string, email: string): void {
  const length = lengthOf(password);
  if (length < PASSWORD_MIN) {
    errors.push(
      userError("PASSWORD_TOO_SHORT", `Password must be at least ${PASSWORD_MIN} characters`, path("password")),
    );
  } else if (length > PASSWORD_MAX) {
    errors.push(
      userError("PASSWORD_TOO_LONG", `Password must be at most ${PASSWORD_MAX} characters`, path("password")),
    );
  }
  const lowered = password.trim().toLowerCase();
  const localPart = email.slice(0, Math.max(0, email.lastIndexOf("@")));
  if (lowered === email || (localPart !== "" && lowered === localPart)) {
    errors.push(userError("PASSWORD_MATCHES_EMAIL", "Password must not be your email address", path("password")));
  }
}

export interface RegistrationInput {
  name: string;
  email: string;
  password: string;
}

/** Returns the cleaned registration or the list of problems with it. */
export function validateRegistration(input: RegistrationInput): { errors: Errors; value: RegistrationInput } {
  const errors: Errors = [];
  const name = validateName(errors, input.name);
  const email = validateEmail(errors, input.email);
  validatePassword(errors, input.password, email);
  return { errors, value: { name, email, password: input.password } };
}
