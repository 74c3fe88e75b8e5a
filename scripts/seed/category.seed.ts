import type { tables } from "@bazaar/drizzle";
import { CATEGORY_TREE, type CategorySpec, type LeafSpec } from "./catalog.vocabulary";
import { seedId, slugify } from "./seed-ids";

type CategoryRow = typeof tables.categories.$inferInsert;

export interface SeedLeaf {
  index: number;
  id: string;
  slug: string;
  root: string;
  spec: LeafSpec;
  /** Indices (into `leaves`) of the leaves this one's products are bought with. */
  pairsWith: number[];
}

export interface SeedCategories {
  rows: CategoryRow[];
  /** Products live in leaf categories only. */
  leaves: SeedLeaf[];
}

/** Flattens the vocabulary's tree depth-first, parents before children. */
export function generateCategories(): SeedCategories {
  const rows: CategoryRow[] = [];
  const leaves: SeedLeaf[] = [];
  const visit = (spec: CategorySpec, parentId: string | null, position: number, root: string) => {
    const id = seedId("cat", rows.length);
    const slug = slugify(spec.name);
    rows.push({ id, parentId, name: spec.name, slug, position });
    if (spec.leaf) leaves.push({ index: leaves.length, id, slug, root, spec: spec.leaf, pairsWith: [] });
    spec.children?.forEach((child, i) => {
      visit(child, id, i, root);
    });
  };
  CATEGORY_TREE.forEach((root, i) => {
    visit(root, null, i, root.name);
  });

  const bySlug = new Map(leaves.map((leaf) => [leaf.slug, leaf.index]));
  for (const leaf of leaves) {
    leaf.pairsWith = (leaf.spec.pairsWith ?? []).map((slug) => {
      const index = bySlug.get(slug);
      if (index === undefined) throw new Error(`category ${leaf.slug} pairs with unknown leaf ${slug}`);
      return index;
    });
  }
  return { rows, leaves };
}
