import type { ProductStatus } from "@bazaar/drizzle/schema";
import { type Errors, path, userError } from "@bazaar/subgraph-kit";
import type { ProductRow } from "../db/product.queries";
import type { VariantRow } from "../db/product-variant.queries";
import type { ProductChanges } from "../db/product-write.queries";
import type { VariantChanges } from "../db/product-variant-write.queries";
import { type ProductFieldsInput, validateProductChanges } from "./product-input.validation";
import {
  checkVariantSet,
  type NewVariantInput,
  type PlannedVariant,
  type VariantChangeInput,
  type VariantFields,
  validateNewVariant,
  validateVariantChange,
  variantTitle,
} from "./variant-input.validation";

export interface UpdateProductInput extends ProductFieldsInput {
  id: string;
  status?: ProductStatus | null;
  addVariants?: readonly NewVariantInput[] | null;
  updateVariants?: readonly VariantChangeInput[] | null;
  removeVariantIds?: readonly string[] | null;
}

type At = (string | number)[];

/** Everything an update will write, worked out before anything is written. */
export interface UpdatePlan {
  errors: Errors;
  product: ProductChanges;
  removed: string[];
  changed: { id: string; changes: VariantChanges }[];
  added: { fields: VariantFields; at: At }[];
  /** SKUs that must not belong to another product: new ones and renamed ones. */
  claimedSkus: { sku: string; at: At }[];
}

const fieldsOf = (row: VariantRow): VariantFields => ({
  sku: row.sku,
  title: row.title,
  optionValues: row.optionValues,
  price: row.price,
  compareAtPrice: row.compareAtPrice,
  stock: row.stock,
  weightGrams: row.weightGrams,
});

/** Columns whose final value differs from the stored row. */
function diff(row: VariantRow, fields: VariantFields): VariantChanges {
  const next: VariantChanges = {
    sku: fields.sku,
    title: variantTitle(fields),
    optionValues: fields.optionValues,
    price: fields.price,
    compareAtPrice: fields.compareAtPrice,
    weightGrams: fields.weightGrams,
  };
  const stored = row as unknown as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(next).filter(([key, value]) => JSON.stringify(stored[key]) !== JSON.stringify(value)),
  ) as VariantChanges;
}

/** Which existing variants the input changes, each once, none also removed. */
function variantChanges(errors: Errors, input: UpdateProductInput, existing: Set<string>, removed: Set<string>) {
  const changes = new Map<string, { changes: Partial<VariantFields>; at: At }>();
  (input.updateVariants ?? []).forEach((change, i) => {
    const at = ["updateVariants", i];
    if (!existing.has(change.id)) {
      errors.push(userError("VARIANT_NOT_FOUND", "No such variant of this product", path(...at, "id")));
    } else if (removed.has(change.id)) {
      errors.push(userError("VARIANT_REMOVED", "This variant is also being removed", path(...at, "id")));
    } else if (changes.has(change.id)) {
      errors.push(userError("DUPLICATE_VARIANT_CHANGE", "This variant is changed twice", path(...at, "id")));
    } else {
      changes.set(change.id, { changes: validateVariantChange(errors, change, at), at });
    }
  });
  return changes;
}

export function planProductUpdate(input: UpdateProductInput, product: ProductRow, existing: VariantRow[]): UpdatePlan {
  const errors: Errors = [];
  const fields = validateProductChanges(errors, input);
  const changes: ProductChanges = { ...fields, slug: fields.slug ?? undefined };
  if (input.status != null) changes.status = input.status;

  const ids = new Set(existing.map((v) => v.id));
  const removed = new Set<string>();
  (input.removeVariantIds ?? []).forEach((id, i) => {
    if (ids.has(id)) removed.add(id);
    else errors.push(userError("VARIANT_NOT_FOUND", "No such variant of this product", path("removeVariantIds", i)));
  });
  const changedById = variantChanges(errors, input, ids, removed);
  const kept = existing.filter((v) => !removed.has(v.id));
  const keptPlans = kept.map((row) => {
    const change = changedById.get(row.id);
    return { row, fields: { ...fieldsOf(row), ...change?.changes }, at: change?.at ?? null };
  });
  const added = (input.addVariants ?? []).map((variant, i) => ({
    fields: validateNewVariant(errors, variant, ["addVariants", i]),
    at: ["addVariants", i] as At,
  }));
  // Untouched variants first, so a clash is reported on the entry that caused it.
  const planned: PlannedVariant[] = [
    ...keptPlans.filter((p) => p.at === null),
    ...keptPlans.filter((p) => p.at !== null),
    ...added,
  ];
  const listAt = planned.length === 0 ? ["removeVariantIds"] : ["addVariants"];
  checkVariantSet(errors, fields.options ?? product.options, planned, listAt, ["options"]);

  const changed = keptPlans
    .map((p) => ({ id: p.row.id, changes: diff(p.row, p.fields), at: p.at ?? ["options"] }))
    .filter((c) => Object.keys(c.changes).length > 0);
  return {
    errors,
    product: changes,
    removed: [...removed],
    changed: changed.map(({ id, changes }) => ({ id, changes })),
    added,
    claimedSkus: [
      ...changed.flatMap((c) => (c.changes.sku ? [{ sku: c.changes.sku, at: c.at }] : [])),
      ...added.map((a) => ({ sku: a.fields.sku, at: a.at })),
    ],
  };
}
