import { slugWords, withRandomSuffix } from "@bazaar/subgraph-kit";

const BASE_MAX = 80;

/** A URL-safe slug from a title: "Café Lamp (Black)" → "cafe-lamp-black"; "product" if nothing is left. */
export const slugify = (title: string): string => slugWords(title, BASE_MAX) || "product";

/** The slug with a short random suffix, for when the plain one is taken. */
export const suffixed = withRandomSuffix;
