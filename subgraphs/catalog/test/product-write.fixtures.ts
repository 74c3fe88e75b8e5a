import type { AccessTokenSubject } from "@bazaar/auth";
import { expect } from "vitest";
import type { Client } from "./harness";

export const SELLER_A = "sel_alpha";
export const SELLER_B = "sel_beta";

/** The subjects tests act as; tokens for them come from `catalog.as(...)`. */
export const people: Record<"sellerA" | "sellerB" | "admin" | "customer", AccessTokenSubject> = {
  sellerA: { userId: "usr_alpha", roles: ["CUSTOMER", "SELLER"], sellerId: SELLER_A },
  sellerB: { userId: "usr_beta", roles: ["CUSTOMER", "SELLER"], sellerId: SELLER_B },
  admin: { userId: "usr_admin", roles: ["CUSTOMER", "ADMIN"], sellerId: null },
  customer: { userId: "usr_customer", roles: ["CUSTOMER"], sellerId: null },
};

export const PRODUCT_FIELDS = `id title slug description brand status sellerId: seller { id }
  priceRange { min { amount currencyCode } max { amount currencyCode } }
  options { name values } attributes { key value } images { url alt } category { id }
  variants { id sku title price { amount currencyCode } compareAtPrice { amount } stock weightGrams
    optionValues { name value } }`;

const PAYLOAD = `userErrors { code field message } product { ${PRODUCT_FIELDS} }`;
export const CREATE = `mutation($input: CreateProductInput!) { createProduct(input: $input) { ${PAYLOAD} } }`;
export const UPDATE = `mutation($input: UpdateProductInput!) { updateProduct(input: $input) { ${PAYLOAD} } }`;
export const ARCHIVE = `mutation($input: ArchiveProductInput!) { archiveProduct(input: $input) { ${PAYLOAD} } }`;
export const SET_STOCK = `mutation($input: SetStockInput!) { setStock(input: $input) {
  userErrors { code field message } variant { id stock inStock } } }`;

export interface UserErrorShape {
  code: string;
  field: string[] | null;
  message: string;
}

export interface ProductShape {
  id: string;
  title: string;
  slug: string;
  status: string;
  priceRange: { min: { amount: number; currencyCode: string }; max: { amount: number; currencyCode: string } };
  variants: { id: string; sku: string; title: string; price: { amount: number }; stock: number; optionValues: unknown[] }[];
  [field: string]: unknown;
}

type Payload = { userErrors: UserErrorShape[]; product: ProductShape | null };

/** Runs a product mutation and returns its payload, failing the test on a GraphQL error. */
export async function mutate(client: Client, mutation: string, input: Record<string, unknown>): Promise<Payload> {
  const res = await client<Record<string, Payload>>(mutation, { input });
  expect(res.body.errors).toBeUndefined();
  const payload = Object.values(res.body.data ?? {})[0];
  if (!payload) throw new Error("no payload");
  return payload;
}

let serial = 0;

/** A valid CreateProductInput (fresh SKUs each call) to vary per test. */
export function productInput(categoryId: string, overrides: Record<string, unknown> = {}) {
  serial += 1;
  return {
    title: "Linen Shirt",
    categoryId,
    options: [
      { name: "size", values: ["S", "M"] },
      { name: "colour", values: ["white", "blue"] },
    ],
    variants: [
      {
        sku: `SHIRT-${serial}-S-W`,
        price: 3900,
        stock: 4,
        optionValues: [
          { name: "size", value: "S" },
          { name: "colour", value: "white" },
        ],
      },
      {
        sku: `SHIRT-${serial}-M-B`,
        price: 4500,
        compareAtPrice: 5000,
        stock: 0,
        // Any order: they are stored in the product's option order.
        optionValues: [
          { name: "colour", value: "blue" },
          { name: "size", value: "M" },
        ],
      },
    ],
    ...overrides,
  };
}
