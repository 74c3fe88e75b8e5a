import type { SeedLeaf } from "./category.seed";
import type { SeedPlan } from "./plan";
import type { SeedProduct } from "./product.seed";
import { Rng, WeightedSampler } from "./random";
import type { SeedUsers } from "./user.seed";

/** What the order generator draws from: who shops, what sells, and what sells together. */
export interface OrderWorld {
  plan: SeedPlan;
  users: SeedUsers;
  products: SeedProduct[];
  /** Indices of products that were on sale during the order history. */
  orderable: number[];
  /** Long-tailed demand over `orderable`: a few bestsellers, many slow movers. */
  demand: WeightedSampler;
  /** Products selling unusually well this month, so trending differs from all-time bestsellers. */
  hot: number[];
  /** Per product index: the products it is typically bought with. */
  companions: number[][];
  /** Per leaf index: its orderable products. */
  byLeaf: number[][];
  shoppers: WeightedSampler;
}

export function buildOrderWorld(
  plan: SeedPlan,
  users: SeedUsers,
  products: SeedProduct[],
  leaves: SeedLeaf[],
): OrderWorld {
  const rng = new Rng("order-world");
  const orderable = products.filter((p) => p.orderable).map((p) => p.index);
  if (orderable.length === 0) throw new Error("no orderable products to build orders from");
  const byLeaf: number[][] = leaves.map(() => []);
  const bySeller = new Map<number, number[]>();
  for (const index of orderable) {
    const product = products[index] as SeedProduct;
    byLeaf[product.leafIndex]?.push(index);
    const ofSeller = bySeller.get(product.sellerIndex);
    if (ofSeller) ofSeller.push(index);
    else bySeller.set(product.sellerIndex, [index]);
  }
  // Zipf-like demand over a random ranking of the orderable products.
  const rankOf = new Map(rng.shuffle(orderable).map((index, rank) => [index, rank]));
  const demand = new WeightedSampler(orderable.map((index) => 1 / ((rankOf.get(index) ?? 0) + 8)));
  const hot = rng.sample(orderable, Math.max(5, Math.round(orderable.length * 0.03)));

  // Companions: same category (two), a complementary category (phone → case), the same store.
  const companions: number[][] = products.map(() => []);
  for (const index of orderable) {
    const product = products[index] as SeedProduct;
    const leaf = leaves[product.leafIndex] as SeedLeaf;
    const pairedLeaf = leaf.pairsWith.length > 0 ? rng.pick(leaf.pairsWith) : leaf.index;
    const pool = [
      ...rng.sample(byLeaf[leaf.index] ?? [], 3),
      ...rng.sample(byLeaf[pairedLeaf] ?? [], 2),
      ...rng.sample(bySeller.get(product.sellerIndex) ?? [], 2),
    ];
    companions[index] = [...new Set(pool)].filter((other) => other !== index).slice(0, 5);
  }
  return {
    plan,
    users,
    products,
    orderable,
    demand,
    hot,
    companions,
    byLeaf,
    shoppers: new WeightedSampler(users.shopperWeights),
  };
}
