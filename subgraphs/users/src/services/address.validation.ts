import { userError } from "@bazaar/subgraph-kit";
import { isCountryCode, normalizeCountry } from "./country.codes";
import { boundedText, type Errors, path } from "./input.validation";

export interface AddressFields {
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
export type AddressFieldsInput = { [K in keyof AddressFields]?: string | null | undefined };

const PHONE = /^\+?[0-9 ()./-]{4,32}$/;

type Rule = (errors: Errors, raw: string | null | undefined) => string | null;

const RULES: { [K in keyof AddressFields]: Rule } = {
  name: (errors, raw) => boundedText(errors, "name", raw, 100),
  line1: (errors, raw) => boundedText(errors, "line1", raw, 200),
  line2: (errors, raw) => boundedText(errors, "line2", raw, 200, { optional: true }),
  city: (errors, raw) => boundedText(errors, "city", raw, 100),
  region: (errors, raw) => boundedText(errors, "region", raw, 100, { optional: true }),
  postalCode: (errors, raw) => boundedText(errors, "postalCode", raw, 20),
  country: (errors, raw) => {
    const country = normalizeCountry(raw ?? "");
    if (!isCountryCode(country)) {
      errors.push(userError("INVALID_COUNTRY", "Country must be an ISO 3166-1 alpha-2 code, e.g. DE", path("country")));
    }
    return country;
  },
  phone: (errors, raw) => {
    const phone = boundedText(errors, "phone", raw, 32, { optional: true });
    if (phone !== null && !PHONE.test(phone)) {
      errors.push(userError("INVALID_PHONE", "Phone may hold digits, spaces, + ( ) . / - only", path("phone")));
    }
    return phone;
  },
};

const FIELDS = Object.keys(RULES) as (keyof AddressFields)[];

/** A new address: every required field must be present. */
export function validateNewAddress(input: AddressFieldsInput): { errors: Errors; value: AddressFields } {
  const errors: Errors = [];
  const value = Object.fromEntries(FIELDS.map((field) => [field, RULES[field](errors, input[field])]));
  return { errors, value: value as unknown as AddressFields };
}

/**
 * A partial update: only fields present in the input are checked and returned. `null` clears an
 * optional field and is an error for a required one.
 */
export function validateAddressChanges(input: AddressFieldsInput): { errors: Errors; value: Partial<AddressFields> } {
  const errors: Errors = [];
  const present = FIELDS.filter((field) => input[field] !== undefined);
  const value = Object.fromEntries(present.map((field) => [field, RULES[field](errors, input[field])]));
  return { errors, value: value as Partial<AddressFields> };
}
