import type { tables } from "@bazaar/drizzle";
import type { ProductOption, VariantOptionValue } from "@bazaar/drizzle/schema";
import type { OptionSpec } from "./catalog.vocabulary";
import type { Rng } from "./random";
import { seedId } from "./seed-ids";

type VariantRow = typeof tables.productVariants.$inferInsert;

export interface SeedVariants {
  rows: VariantRow[];
  /** The option values the variants actually use, in the vocabulary's order. */
  options: ProductOption[];
}

/** Prices end in .99, like most shelf prices. */
export const shelfPrice = (cents: number) => Math.max(99, Math.round(cents / 100) * 100 - 1);

/**
 * 1–4 variants from up to two options (e.g. 3 sizes of one colour, or 2 colours × 2 sizes);
 * `step` options (storage, bed size) cost more per tier. Ids are `variantBase + position`.
 */
export function generateVariants(
  rng: Rng,
  input: { productId: string; variantBase: number; sku: string; basePrice: number; specs: OptionSpec[] },
): SeedVariants {
  const wanted = [1, 1, 2, 2, 3, 4][rng.int(0, 5)] as number;
  const [primary, secondary] = input.specs;
  let combos: VariantOptionValue[][] = [[]];
  if (primary) {
    const firstValues = rng.sample(primary.values, Math.min(wanted, 4));
    const secondValues = secondary ? rng.sample(secondary.values, wanted > 2 && rng.chance(0.4) ? 2 : 1) : [];
    combos = firstValues.flatMap((a) =>
      secondary
        ? secondValues.map((b) => [
            { name: primary.name, value: a },
            { name: secondary.name, value: b },
          ])
        : [[{ name: primary.name, value: a }]],
    );
    combos = rng.shuffle(combos).slice(0, wanted);
    // Shown in the vocabulary's order (S before M), as a shop would list them.
    const rank = (combo: VariantOptionValue[]) =>
      combo.reduce((sum, o, i) => sum * 100 + (input.specs[i]?.values.indexOf(o.value) ?? 0), 0);
    combos.sort((a, b) => rank(a) - rank(b));
  }
  const onSale = rng.chance(0.15);
  const rows = combos.map((combo, position): VariantRow => {
    const surcharge = combo.reduce((sum, o, i) => {
      const spec = input.specs[i];
      return sum + (spec?.step ?? 0) * (spec?.values.indexOf(o.value) ?? 0);
    }, 0);
    const price = shelfPrice(input.basePrice + surcharge);
    return {
      id: seedId("var", input.variantBase + position),
      productId: input.productId,
      sku: `${input.sku}-${position + 1}`,
      title: combo.length ? combo.map((o) => o.value).join(" / ") : "Default",
      optionValues: combo,
      price,
      compareAtPrice: onSale ? shelfPrice(price * rng.between(1.15, 1.4)) : null,
      currency: "USD",
      // Some variants are sold out, so the storefront has stock states to show.
      stock: rng.chance(0.08) ? 0 : rng.chance(0.2) ? rng.int(41, 500) : rng.int(1, 40),
      weightGrams: rng.int(80, 2500),
      position,
    };
  });
  const options = input.specs
    .map((spec, i) => ({
      name: spec.name,
      values: spec.values.filter((v) => combos.some((combo) => combo[i]?.value === v)),
    }))
    .filter((option) => option.values.length > 0);
  return { rows, options };
}
