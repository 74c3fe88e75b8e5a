import { isCountryCode, normalizeCountry } from "./country-codes";
import { userError } from "./errors";
import { boundedText, type Errors, path } from "./validation";

/**
 * A postal address as users' address book and orders' checkout both take it: one set of rules,
 * so an address accepted in one place is never refused in the other.
 */
export interface PostalAddress {
  name: string;
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postalCode: string;
  country: string;
  phone: string | null;
}

/** Raw input: absent (undefined) fields are left unchanged by an update. */
export type PostalAddressInput = { [K in keyof PostalAddress]?: string | null | undefined };

const PHONE = /^\+?[0-9 ()./-]{4,32}$/;

type Rule = (errors: Errors, raw: string | null | undefined, at: string[]) => string | null;

const text =
  (field: string, max: number, optional = false): Rule =>
  (errors, raw, at) =>
    boundedText(errors, field, raw, max, { optional, at: [...at, field] });

const RULES: { [K in keyof PostalAddress]: Rule } = {
  name: text("name", 100),
  line1: text("line1", 200),
  line2: text("line2", 200, true),
  city: text("city", 100),
  region: text("region", 100, true),
  postalCode: text("postalCode", 20),
  country: (errors, raw, at) => {
    const country = normalizeCountry(raw ?? "");
    if (!isCountryCode(country)) {
      errors.push(
        userError("INVALID_COUNTRY", "Country must be an ISO 3166-1 alpha-2 code, e.g. DE", path(...at, "country")),
      );
    }
    return country;
  },
  phone: (errors, raw, at) => {
    const phone = boundedText(errors, "phone", raw, 32, { optional: true, at: [...at, "phone"] });
    if (phone !== null && !PHONE.test(phone)) {
      errors.push(userError("INVALID_PHONE", "Phone may hold digits, spaces, + ( ) . / - only", path(...at, "phone")));
    }
    return phone;
  },
};

const FIELDS = Object.keys(RULES) as (keyof PostalAddress)[];

/** A whole address: every required field must be present. `at` prefixes error paths, e.g. ["shippingAddress"]. */
export function validatePostalAddress(
  input: PostalAddressInput,
  at: string[] = [],
): { errors: Errors; value: PostalAddress } {
  const errors: Errors = [];
  const value = Object.fromEntries(FIELDS.map((field) => [field, RULES[field](errors, input[field], at)]));
  return { errors, value: value as unknown as PostalAddress };
}

/**
 * A partial update: only fields present in the input are checked and returned. `null` clears an
 * optional field and is an error for a required one.
 */
export function validatePostalAddressChanges(
  input: PostalAddressInput,
  at: string[] = [],
): { errors: Errors; value: Partial<PostalAddress> } {
  const errors: Errors = [];
  const present = FIELDS.filter((field) => input[field] !== undefined);
  const value = Object.fromEntries(present.map((field) => [field, RULES[field](errors, input[field], at)]));
  return { errors, value: value as Partial<PostalAddress> };
}
