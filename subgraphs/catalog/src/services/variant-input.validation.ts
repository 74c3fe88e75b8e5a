import type { ProductOption, VariantOptionValue } from "@bazaar/drizzle/schema";
import { boundedText, type Errors, path, userError } from "@bazaar/subgraph-kit";

export const MAX_VARIANTS = 100;
const SKU_MAX = 64;
const SKU = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;

/** What a client sends for a new variant (`ProductVariantInput`). */
export interface NewVariantInput {
  sku: string;
  title?: string | null;
  optionValues?: readonly VariantOptionValue[] | null;
  price: number;
  compareAtPrice?: number | null;
  stock?: number | null;
  weightGrams?: number | null;
}

/** What a client sends to change a variant (`ProductVariantChangeInput`): absent fields stay. */
export type VariantChangeInput = { id: string } & {
  [K in Exclude<keyof NewVariantInput, "stock">]?: NewVariantInput[K] | null;
};

export interface VariantFields {
  sku: string;
  /** null: derived from the option values. */
  title: string | null;
  optionValues: VariantOptionValue[];
  price: number;
  compareAtPrice: number | null;
  stock: number;
  weightGrams: number | null;
}

type At = (string | number)[];

function skuRule(errors: Errors, raw: string, at: At): string {
  const sku = boundedText(errors, "sku", raw, SKU_MAX, { label: "SKU", at: [...at, "sku"] }) ?? "";
  if (sku !== "" && !SKU.test(sku)) {
    errors.push(userError("INVALID_SKU", "SKU may hold letters, digits and . _ - / only", path(...at, "sku")));
  }
  return sku;
}

function nonNegative(errors: Errors, value: number, code: string, label: string, field: At): number {
  if (value < 0) errors.push(userError(code, `${label} must not be negative`, path(...field)));
  return value;
}

const cleanOptionValues = (raw: readonly VariantOptionValue[] | null | undefined): VariantOptionValue[] =>
  (raw ?? []).map((o) => ({ name: o.name.trim(), value: o.value.trim() }));

const titleRule = (errors: Errors, raw: string | null | undefined, at: At) =>
  boundedText(errors, "title", raw, 100, { optional: true, label: "Variant title", at: [...at, "title"] });

export function validateNewVariant(errors: Errors, input: NewVariantInput, at: At): VariantFields {
  return {
    sku: skuRule(errors, input.sku, at),
    title: titleRule(errors, input.title, at),
    optionValues: cleanOptionValues(input.optionValues),
    price: nonNegative(errors, input.price, "INVALID_PRICE", "Price", [...at, "price"]),
    compareAtPrice: input.compareAtPrice ?? null,
    stock: nonNegative(errors, input.stock ?? 0, "INVALID_STOCK", "Stock", [...at, "stock"]),
    weightGrams:
      input.weightGrams == null ? null : nonNegative(errors, input.weightGrams, "INVALID_WEIGHT", "Weight", [...at, "weightGrams"]),
  };
}

/** Only the fields present; `null` removes an optional value and is refused for a required one. */
export function validateVariantChange(errors: Errors, input: VariantChangeInput, at: At): Partial<VariantFields> {
  const changes: Partial<VariantFields> = {};
  for (const field of ["sku", "price"] as const) {
    if (input[field] === null) errors.push(userError("REQUIRED", `${field} cannot be removed`, path(...at, field)));
  }
  if (input.sku != null) changes.sku = skuRule(errors, input.sku, at);
  if (input.price != null) changes.price = nonNegative(errors, input.price, "INVALID_PRICE", "Price", [...at, "price"]);
  if (input.title !== undefined) changes.title = titleRule(errors, input.title, at);
  if (input.optionValues !== undefined) changes.optionValues = cleanOptionValues(input.optionValues);
  if (input.compareAtPrice !== undefined) changes.compareAtPrice = input.compareAtPrice;
  if (input.weightGrams !== undefined) {
    changes.weightGrams =
      input.weightGrams === null
        ? null
        : nonNegative(errors, input.weightGrams, "INVALID_WEIGHT", "Weight", [...at, "weightGrams"]);
  }
  return changes;
}

/** A variant as it will be once the write is done; `at` is the input entry that shaped it, if any. */
export interface PlannedVariant {
  fields: VariantFields;
  at: At | null;
}

/** The option values in the product's option order, or undefined when they do not fit the options. */
export function orderedOptionValues(options: ProductOption[], values: VariantOptionValue[]) {
  if (values.length !== options.length) return undefined;
  const ordered = options.map((option) => values.find((v) => v.name === option.name));
  const fits = ordered.every((v, i) => v !== undefined && options[i]?.values.includes(v.value));
  return fits ? (ordered as VariantOptionValue[]) : undefined;
}

/**
 * Rules over the whole set of variants a product will have: at least one, unique SKUs, compare-at
 * price not below the price, exactly one valid value per option and no two variants alike.
 * Problems of untouched variants (caused by new options) are reported on `optionsAt`.
 */
export function checkVariantSet(errors: Errors, options: ProductOption[], planned: PlannedVariant[], listAt: At, optionsAt: At) {
  if (planned.length === 0) errors.push(userError("VARIANTS_REQUIRED", "A product needs at least one variant", path(...listAt)));
  if (planned.length > MAX_VARIANTS) {
    errors.push(userError("TOO_MANY_VARIANTS", `A product has at most ${MAX_VARIANTS} variants`, path(...listAt)));
  }
  const skus = new Set<string>();
  const combinations = new Set<string>();
  for (const { fields, at } of planned) {
    const where = (field: string) => path(...(at ? [...at, field] : optionsAt));
    if (at && fields.compareAtPrice !== null && fields.compareAtPrice < fields.price) {
      errors.push(
        userError("INVALID_COMPARE_AT_PRICE", "Compare-at price must not be below the price", where("compareAtPrice")),
      );
    }
    if (skus.has(fields.sku) && at) errors.push(userError("SKU_TAKEN", `SKU ${fields.sku} is used twice`, where("sku")));
    skus.add(fields.sku);
    const ordered = orderedOptionValues(options, fields.optionValues);
    if (!ordered) {
      const names = options.map((o) => o.name).join(", ") || "none";
      errors.push(
        userError("OPTION_VALUES_MISMATCH", `Variant ${fields.sku} needs one value of each option (${names})`, where("optionValues")),
      );
      continue;
    }
    fields.optionValues = ordered;
    const combination = JSON.stringify(ordered.map((o) => o.value));
    if (combinations.has(combination)) {
      errors.push(userError("DUPLICATE_VARIANT", "Two variants have the same option values", where("optionValues")));
    }
    combinations.add(combination);
  }
}

/** A variant's title when none is given: its option values, e.g. "M / Black". */
export const variantTitle = (fields: VariantFields) =>
  fields.title ?? (fields.optionValues.map((o) => o.value).join(" / ") || "Default");
