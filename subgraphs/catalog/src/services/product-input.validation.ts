import type { ProductAttribute, ProductImage, ProductOption } from "@bazaar/drizzle/schema";
import { boundedText, type Errors, isIdLike, path, userError } from "@bazaar/subgraph-kit";
import { attributesRule, imagesRule, optionsRule } from "./product-parts.validation";

export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 10_000;
export const SLUG_MAX = 100;
const BRAND_MAX = 100;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The product's own fields as clients send them; absent (undefined) means "not given". */
export interface ProductFieldsInput {
  title?: string | null;
  slug?: string | null;
  description?: string | null;
  brand?: string | null;
  categoryId?: string | null;
  images?: readonly { url: string; alt?: string | null }[] | null;
  attributes?: readonly { key: string; value: string }[] | null;
  options?: readonly { name: string; values: readonly string[] }[] | null;
}

export interface ProductFields {
  title: string;
  /** null: derive one from the title (creation only). */
  slug: string | null;
  description: string;
  brand: string | null;
  categoryId: string;
  images: ProductImage[];
  attributes: ProductAttribute[];
  options: ProductOption[];
}

type Rules = { [K in keyof ProductFields]: (errors: Errors, raw: ProductFieldsInput[K]) => ProductFields[K] };

function slugRule(errors: Errors, raw: string | null | undefined): string | null {
  if (raw == null) return null;
  const slug = raw.trim();
  if (!SLUG.test(slug) || slug.length > SLUG_MAX) {
    errors.push(
      userError(
        "INVALID_SLUG",
        `Slug must be lower-case letters, digits and single hyphens, at most ${SLUG_MAX} characters`,
        path("slug"),
      ),
    );
  }
  return slug;
}

const RULES: Rules = {
  title: (errors, raw) => boundedText(errors, "title", raw, TITLE_MAX) ?? "",
  slug: slugRule,
  description: (errors, raw) =>
    boundedText(errors, "description", raw, DESCRIPTION_MAX, { optional: true, multiline: true }) ?? "",
  brand: (errors, raw) => boundedText(errors, "brand", raw, BRAND_MAX, { optional: true }),
  categoryId: (errors, raw) => {
    const id = (raw ?? "").trim();
    if (id === "") errors.push(userError("REQUIRED", "categoryId is required", path("categoryId")));
    // An id no row can have is simply not a category.
    else if (!isIdLike(id)) errors.push(userError("CATEGORY_NOT_FOUND", "No such category", path("categoryId")));
    return id;
  },
  images: imagesRule,
  attributes: attributesRule,
  options: optionsRule,
};

const FIELDS = Object.keys(RULES) as (keyof ProductFields)[];

const apply = <K extends keyof ProductFields>(errors: Errors, field: K, input: ProductFieldsInput) =>
  RULES[field](errors, input[field]);

/** A new product: every field is checked, absent ones take their defaults. */
export function validateProductFields(errors: Errors, input: ProductFieldsInput): ProductFields {
  return Object.fromEntries(FIELDS.map((field) => [field, apply(errors, field, input)])) as unknown as ProductFields;
}

/** An edit: only fields present are checked and returned; `null` is refused for required ones. */
export function validateProductChanges(errors: Errors, input: ProductFieldsInput): Partial<ProductFields> {
  const present = FIELDS.filter((field) => input[field] !== undefined);
  for (const field of ["title", "slug", "categoryId"] as const) {
    if (input[field] === null) errors.push(userError("REQUIRED", `${field} cannot be removed`, path(field)));
  }
  const checked = present.filter((field) => !(input[field] === null && ["title", "slug", "categoryId"].includes(field)));
  return Object.fromEntries(checked.map((field) => [field, apply(errors, field, input)])) as Partial<ProductFields>;
}

const CURRENCY = /^[A-Z]{3}$/;

export function validateCurrency(errors: Errors, raw: string | null | undefined): string {
  const currency = (raw ?? "USD").trim().toUpperCase();
  if (!CURRENCY.test(currency)) {
    errors.push(userError("INVALID_CURRENCY", "Currency must be an ISO-4217 code such as USD", path("currencyCode")));
  }
  return currency;
}
