import type { tables } from "@bazaar/drizzle";
import { CITIES, STORE_WORDS, STORES } from "./people.vocabulary";
import { daysBefore, type SeedPlan } from "./plan";
import { Rng } from "./random";
import { seedId, slugify } from "./seed-ids";

type SellerRow = typeof tables.sellers.$inferInsert;

export interface SeedSeller {
  index: number;
  row: SellerRow;
  /** Root categories the store mostly lists in. */
  roots: string[];
  /** Relative size of the store's catalogue. */
  weight: number;
  /** Prefix of the store's SKUs. */
  skuCode: string;
}

/** Every twelfth store is still waiting for approval; the demo seller's store is always active. */
const isPending = (index: number) => index % 12 === 11;

export function generateSellers(plan: SeedPlan, ownerIds: string[], roots: string[]): SeedSeller[] {
  const rng = new Rng("sellers");
  return Array.from({ length: plan.sellers }, (_, index) => {
    const curated = STORES[index];
    const name = curated?.name ?? `${rng.pick(STORE_WORDS.first)} ${rng.pick(STORE_WORDS.second)} ${index + 1}`;
    const storeRoots = curated?.roots ?? rng.sample(roots, rng.int(1, 2));
    const pending = isPending(index);
    const ownerId = ownerIds[index];
    if (!ownerId) throw new Error(`no user to run store ${index}`);
    const tagline = curated?.tagline ?? `Quality ${storeRoots.join(" and ").toLowerCase()} picked with care.`;
    const row: SellerRow = {
      id: seedId("sel", index),
      userId: ownerId,
      name,
      slug: slugify(name),
      description: `${tagline} Ships from ${rng.pick(CITIES).city}.`,
      status: pending ? "PENDING" : "ACTIVE",
      ratingAverage: 0,
      ratingCount: 0,
      // Active stores predate the 180 days of order history; pending ones applied recently.
      joinedAt: daysBefore(plan.now, pending ? rng.between(2, 20) : rng.between(400, 1000)),
    };
    const skuCode = name
      .split(/[^A-Za-z]+/)
      .filter(Boolean)
      .map((word) => word[0]?.toUpperCase())
      .join("")
      .slice(0, 3)
      .padEnd(3, "X");
    const weight = index === 0 ? 2 : pending ? 0.2 : rng.between(0.5, 1.5);
    return { index, row, roots: storeRoots, weight, skuCode };
  });
}
