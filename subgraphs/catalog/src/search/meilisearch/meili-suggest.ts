import type { Database } from "@bazaar/drizzle";
import { tables } from "@bazaar/drizzle";
import { asc, inArray } from "drizzle-orm";
import type { Index } from "meilisearch";
import type { ProductDocument } from "../documents/search-document";
import type { SearchSuggestionHit } from "../search-engine.port";

/**
 * Autocomplete from one index: category names and brands through facet search (typo tolerant,
 * prefix matching), product titles through a search limited to the title. Category names map
 * back to ids in the catalog tables. Categories first, then brands, then products, as in the
 * Postgres adapter.
 */
export async function meiliSuggestions(
  db: Database,
  index: Index<ProductDocument>,
  words: string,
  limit: number,
): Promise<SearchSuggestionHit[]> {
  if (!words) return [];
  const [categoryNames, brands, titles] = await Promise.all([
    index.searchForFacetValues({ facetName: "categoryNames", facetQuery: words }),
    index.searchForFacetValues({ facetName: "brand", facetQuery: words }),
    index.search(words, {
      limit,
      attributesToRetrieve: ["id", "title"],
      attributesToSearchOn: ["title"],
      matchingStrategy: "all",
    }),
  ]);
  const names = categoryNames.facetHits.map((hit) => hit.value);
  const categories = names.length
    ? await db
        .select({ id: tables.categories.id, name: tables.categories.name })
        .from(tables.categories)
        .where(inArray(tables.categories.name, names))
        .orderBy(asc(tables.categories.name), asc(tables.categories.id))
    : [];
  return [
    ...categories.map((c): SearchSuggestionHit => ({ kind: "CATEGORY", text: c.name, refId: c.id })),
    ...brands.facetHits.map((hit): SearchSuggestionHit => ({ kind: "BRAND", text: hit.value, refId: null })),
    ...titles.hits.map(
      (hit): SearchSuggestionHit => ({ kind: "PRODUCT", text: String(hit.title), refId: String(hit.id) }),
    ),
  ].slice(0, limit);
}
