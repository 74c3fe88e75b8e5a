import "reflect-metadata";
import { type GraphQLNamedType, printSchema, printType } from "graphql";
import { Arg, buildSchema, Field, InputType, Query, Resolver } from "type-graphql";
import { describe, expect, it } from "vitest";
import {
  POSTAL_ADDRESS_MAX_LENGTH,
  PostalAddressFields,
  validatePostalAddress,
  validatePostalAddressChanges,
} from "./postal-address";
import type { Errors } from "./validation";

const HOME = {
  name: " Ada Lovelace ",
  line1: "12 St James's Square",
  line2: "",
  city: "London",
  region: null,
  postalCode: "SW1Y 4JH",
  country: " gb ",
  phone: "+44 20 7946 0000",
};

const codes = (result: { errors: Errors }) =>
  result.errors.map((e) => [e.code, e.field]);

describe("validatePostalAddress", () => {
  it("trims every field, upper-cases the country and turns a blank optional field into null", () => {
    expect(validatePostalAddress(HOME)).toEqual({
      errors: [],
      value: { ...HOME, name: "Ada Lovelace", line2: null, country: "GB" },
    });
  });

  it("refuses each text field one character over its limit, at that field's path", () => {
    for (const [field, max] of Object.entries(POSTAL_ADDRESS_MAX_LENGTH)) {
      const fits = field === "phone" ? "1".repeat(max) : "x".repeat(max);
      expect(codes(validatePostalAddress({ ...HOME, [field]: fits }))).toEqual([]);
      const over = field === "phone" ? "1".repeat(max + 1) : "x".repeat(max + 1);
      expect(codes(validatePostalAddress({ ...HOME, [field]: over }))).toContainEqual(["TOO_LONG", ["input", field]]);
    }
  });

  it("collects every problem at once, under the path it is told", () => {
    const result = validatePostalAddress(
      { ...HOME, name: " ", country: "UK", phone: "call me" },
      ["shippingAddress"],
    );
    expect(codes(result)).toEqual([
      ["REQUIRED", ["input", "shippingAddress", "name"]],
      ["INVALID_COUNTRY", ["input", "shippingAddress", "country"]],
      ["INVALID_PHONE", ["input", "shippingAddress", "phone"]],
    ]);
  });
});

describe("validatePostalAddressChanges", () => {
  it("checks and returns only the fields present; null clears an optional field and is refused for a required one", () => {
    expect(validatePostalAddressChanges({ city: " Bath ", region: null })).toEqual({
      errors: [],
      value: { city: "Bath", region: null },
    });
    expect(codes(validatePostalAddressChanges({ postalCode: null }))).toEqual([["REQUIRED", ["input", "postalCode"]]]);
  });
});

@InputType({ description: "An address for this test." })
class TestAddressInput extends PostalAddressFields {
  @Field(() => Boolean, { nullable: true })
  extra?: boolean | null;
}

@Resolver()
class TestAddressResolver {
  @Query(() => Boolean)
  takesAddress(@Arg("input", () => TestAddressInput) _input: TestAddressInput): boolean {
    return true;
  }
}

describe("PostalAddressFields", () => {
  it("gives an input extending it the address fields first, each documenting the limit the rules enforce", async () => {
    const schema = await buildSchema({ resolvers: [TestAddressResolver], validate: false });
    expect(printSchema(schema)).not.toContain("PostalAddressFields");
    expect(printType(schema.getType("TestAddressInput") as GraphQLNamedType)).toBe(`"""An address for this test."""
input TestAddressInput {
  """Recipient's name, 1–100 characters."""
  name: String!

  """1–200 characters."""
  line1: String!

  """Up to 200 characters."""
  line2: String

  """1–100 characters."""
  city: String!

  """Up to 100 characters."""
  region: String

  """1–20 characters."""
  postalCode: String!

  """ISO 3166-1 alpha-2 code, e.g. DE."""
  country: String!
  phone: String
  extra: Boolean
}`);
  });
});
