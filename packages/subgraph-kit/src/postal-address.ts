import "reflect-metadata";
import { Field, InputType } from "type-graphql";
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

/** Longest value each field takes, in characters; the rules enforce it and the input fields document it. */
export const POSTAL_ADDRESS_MAX_LENGTH = {
  name: 100,
  line1: 200,
  line2: 200,
  city: 100,
  region: 100,
  postalCode: 20,
  phone: 32,
} as const satisfies Partial<Record<keyof PostalAddress, number>>;

type TextField = keyof typeof POSTAL_ADDRESS_MAX_LENGTH;

const PHONE = /^\+?[0-9 ()./-]{4,32}$/;

type Rule = (errors: Errors, raw: string | null | undefined, at: string[]) => string | null;

const text =
  (field: TextField, optional = false): Rule =>
  (errors, raw, at) =>
    boundedText(errors, field, raw, POSTAL_ADDRESS_MAX_LENGTH[field], { optional, at: [...at, field] });

const RULES: { [K in keyof PostalAddress]: Rule } = {
  name: text("name"),
  line1: text("line1"),
  line2: text("line2", true),
  city: text("city"),
  region: text("region", true),
  postalCode: text("postalCode"),
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
    const phone = text("phone", true)(errors, raw, at);
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

const required = (field: TextField) => `1–${POSTAL_ADDRESS_MAX_LENGTH[field]} characters.`;
const optional = (field: TextField) => `Up to ${POSTAL_ADDRESS_MAX_LENGTH[field]} characters.`;

/**
 * The fields of a whole address as a mutation takes it (users' `AddAddressInput`, orders'
 * `ShippingAddressInput`): extend it, so both declare the same fields with the limits above. Never
 * use it as a field's type: type-graphql emits only the types a schema reaches, so it stays out of
 * every schema under its own name.
 */
@InputType()
export class PostalAddressFields {
  @Field(() => String, { description: `Recipient's name, ${required("name")}` })
  name!: string;

  @Field(() => String, { description: required("line1") })
  line1!: string;

  @Field(() => String, { nullable: true, description: optional("line2") })
  line2?: string | null;

  @Field(() => String, { description: required("city") })
  city!: string;

  @Field(() => String, { nullable: true, description: optional("region") })
  region?: string | null;

  @Field(() => String, { description: required("postalCode") })
  postalCode!: string;

  @Field(() => String, { description: "ISO 3166-1 alpha-2 code, e.g. DE." })
  country!: string;

  @Field(() => String, { nullable: true })
  phone?: string | null;
}
