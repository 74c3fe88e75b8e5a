import { type Database, tables } from "@bazaar/drizzle";

/**
 * The catalog the search contract runs on: a small category tree, two listed sellers, products
 * whose titles invite typos, and products that must never show (archived, draft, of a seller
 * that is not listed, of a seller catalog has never heard of).
 */
export const CATEGORIES = [
  { id: "cat_elec", parentId: null, name: "Electronics", slug: "electronics" },
  { id: "cat_audio", parentId: "cat_elec", name: "Audio", slug: "audio" },
  { id: "cat_phones", parentId: "cat_audio", name: "Headphones", slug: "headphones" },
  { id: "cat_speakers", parentId: "cat_audio", name: "Speakers", slug: "speakers" },
  { id: "cat_cables", parentId: "cat_elec", name: "Cables", slug: "cables" },
  { id: "cat_home", parentId: null, name: "Home", slug: "home" },
  { id: "cat_lighting", parentId: "cat_home", name: "Lighting", slug: "lighting" },
] as const;

export interface ContractProduct {
  id: string;
  title: string;
  brand: string;
  categoryId: string;
  sellerId: string;
  price: number;
  rating: number;
  stock: number;
  attributes: { key: string; value: string }[];
  description?: string;
  status?: "ACTIVE" | "DRAFT" | "ARCHIVED";
}

const p = (spec: ContractProduct) => spec;
const colour = (value: string) => ({ key: "Colour", value });

export const VISIBLE: ContractProduct[] = [
  p({
    id: "prd_c01",
    title: "Voltra Wireless Headphones",
    brand: "Voltra",
    categoryId: "cat_phones",
    sellerId: "sel_a",
    price: 7_999,
    rating: 4.5,
    stock: 3,
    attributes: [colour("Black"), { key: "Connectivity", value: "Bluetooth" }],
  }),
  p({
    id: "prd_c02",
    title: "Nimbus Wireless Earbuds",
    brand: "Nimbus",
    categoryId: "cat_phones",
    sellerId: "sel_b",
    price: 4_999,
    rating: 3.75,
    stock: 9,
    attributes: [colour("White"), { key: "Connectivity", value: "Bluetooth" }],
  }),
  p({
    id: "prd_c03",
    title: "Nimbus Studio Headphones",
    brand: "Nimbus",
    categoryId: "cat_phones",
    sellerId: "sel_a",
    price: 12_999,
    rating: 4,
    stock: 1,
    attributes: [colour("Black"), { key: "Connectivity", value: "Wired" }],
  }),
  p({
    id: "prd_c04",
    title: "Kestrel Bookshelf Speaker",
    brand: "Kestrel",
    categoryId: "cat_speakers",
    sellerId: "sel_b",
    price: 15_999,
    rating: 2.5,
    stock: 0,
    attributes: [colour("Walnut")],
  }),
  p({
    id: "prd_c05",
    title: "Voltra Portable Speaker",
    brand: "Voltra",
    categoryId: "cat_speakers",
    sellerId: "sel_a",
    price: 2_999,
    rating: 0,
    stock: 4,
    attributes: [colour("Black")],
  }),
  p({
    id: "prd_c06",
    title: "Copperline Desk Lamp",
    brand: "Copperline",
    categoryId: "cat_lighting",
    sellerId: "sel_b",
    price: 3_499,
    rating: 4.75,
    stock: 2,
    attributes: [{ key: "Material", value: "Brass" }],
    description: "A warm reading light that pairs well with a small speaker.",
  }),
  p({
    id: "prd_c07",
    title: "Nordhem Floor Lamp",
    brand: "Nordhem",
    categoryId: "cat_lighting",
    sellerId: "sel_a",
    price: 8_999,
    rating: 3.25,
    stock: 5,
    attributes: [{ key: "Material", value: "Oak" }],
  }),
  // Equal text, so their relative order rests on the tie-breakers: pagination must still be stable.
  ...Array.from({ length: 12 }, (_, i) =>
    p({
      id: `prd_c${String(20 + i)}`,
      title: `Braided Charging Cable ${i + 1}`,
      brand: "Cablecraft",
      categoryId: "cat_cables",
      sellerId: i % 2 ? "sel_a" : "sel_b",
      price: 499 + 100 * (i % 3),
      rating: 1 + (i % 5),
      stock: i % 4,
      attributes: [colour(i % 2 ? "Black" : "White")],
    }),
  ),
];

export const HIDDEN: ContractProduct[] = [
  p({
    id: "prd_h01",
    title: "Archived Wireless Headphones",
    brand: "Voltra",
    categoryId: "cat_phones",
    sellerId: "sel_a",
    price: 5_000,
    rating: 5,
    stock: 5,
    attributes: [colour("Black")],
    status: "ARCHIVED",
  }),
  p({
    id: "prd_h02",
    title: "Draft Wireless Speaker",
    brand: "Voltra",
    categoryId: "cat_speakers",
    sellerId: "sel_a",
    price: 5_000,
    rating: 5,
    stock: 5,
    attributes: [colour("Black")],
    status: "DRAFT",
  }),
  p({
    id: "prd_h03",
    title: "Suspended Wireless Headphones",
    brand: "Voltra",
    categoryId: "cat_phones",
    sellerId: "sel_suspended",
    price: 5_000,
    rating: 5,
    stock: 5,
    attributes: [colour("Black")],
  }),
  p({
    id: "prd_h04",
    title: "Unlisted Wireless Headphones",
    brand: "Voltra",
    categoryId: "cat_phones",
    sellerId: "sel_unknown",
    price: 5_000,
    rating: 5,
    stock: 5,
    attributes: [colour("Black")],
  }),
];

const ancestorsOf = (categoryId: string): string[] => {
  const category = CATEGORIES.find((c) => c.id === categoryId);
  return category ? [...(category.parentId ? ancestorsOf(category.parentId) : []), category.id] : [];
};
export const categoryPathOf = ancestorsOf;

export async function insertContractCatalog(db: Database): Promise<void> {
  await db.insert(tables.categories).values([...CATEGORIES]);
  await db.insert(tables.sellerListings).values([
    { sellerId: "sel_a", active: true },
    { sellerId: "sel_b", active: true },
    { sellerId: "sel_suspended", active: false },
  ]);
  const all = [...VISIBLE, ...HIDDEN];
  await db.insert(tables.products).values(
    all.map((product, i) => ({
      id: product.id,
      sellerId: product.sellerId,
      categoryId: product.categoryId,
      title: product.title,
      slug: product.id,
      description: product.description ?? `${product.title} by ${product.brand}.`,
      brand: product.brand,
      attributes: product.attributes,
      status: product.status ?? "ACTIVE",
      minPrice: product.price,
      maxPrice: product.price + 500,
      ratingAverage: product.rating,
      ratingCount: product.rating > 0 ? 3 : 0,
      popularity: (i * 7) % 5,
    })),
  );
  await db.insert(tables.productVariants).values(
    all.flatMap((product) => [
      {
        id: `var_${product.id}_1`,
        productId: product.id,
        sku: `${product.id}-1`,
        title: "One",
        price: product.price,
        stock: product.stock,
      },
      {
        id: `var_${product.id}_2`,
        productId: product.id,
        sku: `${product.id}-2`,
        title: "Two",
        price: product.price + 500,
        stock: 0,
      },
    ]),
  );
}
