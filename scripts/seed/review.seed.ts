import type { tables } from "@bazaar/drizzle";
import { DAY_MS, type SeedPlan } from "./plan";
import type { SeedProduct } from "./product.seed";
import type { PurchaseLog } from "./purchase-log";
import { Rng } from "./random";
import { REVIEW_DETAILS, REVIEW_OPENERS, REVIEW_TITLES } from "./review.vocabulary";
import { seedId } from "./seed-ids";
import type { SeedUsers } from "./user.seed";

type ReviewRow = typeof tables.reviews.$inferInsert;

/**
 * `plan.reviews` reviews, one per (product, author) at most. Nine in ten are written by someone
 * who bought the product, some days after the order; the rest by browsers of sold products.
 * Fills each product's rating summary from its reviews.
 */
export function generateReviews(plan: SeedPlan, users: SeedUsers, products: SeedProduct[], log: PurchaseLog): ReviewRow[] {
  const rng = new Rng("reviews");
  const now = plan.now.getTime();
  const reviewable = products.filter((p) => p.orderable);
  const reviewers = users.shopperWeights.flatMap((weight, index) => (weight > 0 ? [index] : []));
  const seen = new Set<string>();
  const rows: ReviewRow[] = [];
  const sums = new Map<number, number>();
  for (let attempt = 0; rows.length < plan.reviews && attempt < plan.reviews * 50; attempt += 1) {
    let productIndex: number;
    let userIndex: number;
    let boughtAt: number;
    if (log.length > 0 && rng.chance(0.9)) {
      const k = rng.int(0, log.length - 1);
      productIndex = log.product[k] as number;
      userIndex = log.user[k] as number;
      boughtAt = log.at[k] as number;
    } else {
      const product = rng.pick(reviewable);
      productIndex = product.index;
      userIndex = rng.pick(reviewers);
      boughtAt = Math.max((product.row.createdAt as Date).getTime(), now - 180 * DAY_MS);
    }
    const key = `${productIndex}:${userIndex}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const product = products[productIndex] as SeedProduct;
    const rating = starRating(rng, product.quality);
    const words = (text: string) => text.replaceAll("{noun}", product.noun);
    const detail = rng.pick(REVIEW_DETAILS);
    rows.push({
      id: seedId("rev", rows.length),
      productId: product.row.id,
      authorId: users.rows[userIndex]?.id as string,
      rating,
      title: words(rng.pick(REVIEW_TITLES[rating - 1] ?? [])),
      body: words(`${rng.pick(REVIEW_OPENERS[rating - 1] ?? [])}${detail ? ` ${detail}` : ""}`),
      createdAt: new Date(Math.max(boughtAt, Math.min(now - 3_600_000, boughtAt + rng.between(2, 45) * DAY_MS))),
    });
    product.row.ratingCount += 1;
    sums.set(productIndex, (sums.get(productIndex) ?? 0) + rating);
  }
  for (const [index, sum] of sums) {
    const product = products[index] as SeedProduct;
    product.row.ratingAverage = sum / product.row.ratingCount;
  }
  return rows;
}

/**
 * Stars scatter around the product's quality, plus the occasional disappointed buyer (more often
 * for weaker products): the J-shaped spread real shops show, rather than a bell curve.
 */
function starRating(rng: Rng, quality: number): number {
  if (rng.chance(0.04 + (5 - quality) * 0.04)) return rng.chance(0.6) ? 1 : 2;
  const noise = (rng.float() + rng.float() + rng.float() - 1.5) * 1.8;
  return Math.min(5, Math.max(1, Math.round(quality + noise)));
}
