import type { tables } from "@bazaar/drizzle";
import type { ProductStatus } from "@bazaar/drizzle/schema";
import type { SeedLeaf } from "./category.seed";
import { DAY_MS, type SeedPlan } from "./plan";
import { productContent } from "./product-content";
import { Rng, WeightedSampler } from "./random";
import { seedId, slugify } from "./seed-ids";
import type { SeedSeller } from "./seller.seed";
import { generateVariants, shelfPrice } from "./variant.seed";

type ProductRow = typeof tables.products.$inferInsert;
type VariantRow = typeof tables.productVariants.$inferInsert;

export interface SeedProduct {
  index: number;
  sellerIndex: number;
  leafIndex: number;
  /** Lower-case kind, e.g. "smartwatch", for review text. */
  noun: string;
  /** Listed long enough to appear in the 180 days of order history. */
  orderable: boolean;
  /** Typical star rating its reviews scatter around. */
  quality: number;
  /** Rating and popularity are filled in once reviews and orders exist. */
  row: ProductRow & { ratingAverage: number; ratingCount: number; popularity: number };
  variants: VariantRow[];
}

/** Room for each product's variants in the variant id sequence. */
const VARIANTS_PER_PRODUCT = 4;

export function generateProducts(plan: SeedPlan, sellers: SeedSeller[], leaves: SeedLeaf[]): SeedProduct[] {
  const sellerSampler = new WeightedSampler(sellers.map((s) => s.weight));
  const leavesOfSeller = sellers.map((s) => leaves.filter((leaf) => s.roots.includes(leaf.root)));
  const products: SeedProduct[] = [];
  for (let index = 0; index < plan.products; index += 1) {
    const rng = new Rng(`product:${index}`);
    const seller = sellers[sellerSampler.draw(rng)] as SeedSeller;
    const own = leavesOfSeller[seller.index] ?? [];
    const leaf = own.length > 0 && rng.chance(0.92) ? rng.pick(own) : rng.pick(leaves);
    products.push(generateProduct(rng, plan, index, seller, leaf));
  }
  return products;
}

function generateProduct(rng: Rng, plan: SeedPlan, index: number, seller: SeedSeller, leaf: SeedLeaf): SeedProduct {
  const id = seedId("prd", index);
  const content = productContent(rng, leaf.spec);
  const [low, high] = leaf.spec.price;
  // Squared draw: cheap items are more common than expensive ones.
  const basePrice = shelfPrice(low + (high - low) * rng.float() ** 2);
  const variants = generateVariants(rng, {
    productId: id,
    variantBase: index * VARIANTS_PER_PRODUCT,
    sku: `${seller.skuCode}-${index.toString(36).toUpperCase().padStart(5, "0")}`,
    basePrice,
    specs: leaf.spec.options ?? [],
  });
  const status = productStatus(rng, seller);
  // A few active listings are brand new: no sales yet, so their recommendations come from trending.
  const newArrival = status === "ACTIVE" && rng.chance(0.05);
  const joined = (seller.row.joinedAt as Date).getTime();
  const now = plan.now.getTime();
  const createdAt = new Date(
    newArrival || seller.row.status === "PENDING"
      ? Math.max(joined, now - rng.between(1, 25) * DAY_MS)
      : rng.between(joined, now - 185 * DAY_MS),
  );
  const prices = variants.rows.map((v) => v.price);
  return {
    index,
    sellerIndex: seller.index,
    leafIndex: leaf.index,
    noun: content.noun,
    orderable: status === "ACTIVE" && !newArrival,
    quality: rng.between(3.1, 4.9),
    variants: variants.rows,
    row: {
      id,
      sellerId: seller.row.id,
      categoryId: leaf.id,
      title: content.title,
      slug: `${slugify(content.title)}-${index.toString(36)}`,
      description: content.description,
      brand: content.brand,
      images: Array.from({ length: rng.int(1, 3) }, (_, i) => ({
        url: `https://img.bazaar.test/p/${id}${i === 0 ? "" : `-${i + 1}`}.jpg`,
        alt: i === 0 ? content.title : `${content.title}, view ${i + 1}`,
      })),
      attributes: content.attributes,
      options: variants.options,
      status,
      minPrice: Math.min(...prices),
      maxPrice: Math.max(...prices),
      currency: "USD",
      ratingAverage: 0,
      ratingCount: 0,
      popularity: 0,
      createdAt,
      updatedAt: new Date(Math.min(now, createdAt.getTime() + rng.between(0, 60) * DAY_MS)),
    },
  };
}

/** Mostly live; stores awaiting approval can only hold drafts. */
function productStatus(rng: Rng, seller: SeedSeller): ProductStatus {
  if (seller.row.status === "PENDING") return "DRAFT";
  const draw = rng.float();
  return draw < 0.06 ? "DRAFT" : draw < 0.1 ? "ARCHIVED" : "ACTIVE";
}
