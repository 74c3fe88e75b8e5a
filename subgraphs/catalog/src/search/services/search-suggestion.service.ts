import { badUserInput, deferred } from "@bazaar/subgraph-kit";
import type { CatalogContext } from "../../context";
import { categoryReference } from "../../services/category.service";
import { findProduct } from "../../services/product.service";
import { MAX_SUGGESTIONS } from "../schema/search.args";
import type { SearchSuggestion, SearchSuggestionKind } from "../schema/search-suggestion.type";
import { searchEngineFor } from "../search-engine.registry";
import { validQuery } from "./search-input.service";

/** Autocomplete: categories, brands and product titles matching what was typed, typos forgiven. */
export async function searchSuggestions(
  ctx: CatalogContext,
  input: { prefix: string; first?: number | null },
): Promise<SearchSuggestion[]> {
  const first = input.first ?? 8;
  if (!Number.isInteger(first) || first < 1 || first > MAX_SUGGESTIONS) {
    throw badUserInput(`first must be between 1 and ${MAX_SUGGESTIONS}`, "first");
  }
  const prefix = validQuery(input.prefix, "prefix");
  const hits = await searchEngineFor(ctx.db).suggest(prefix, first);
  return hits.map((hit) => ({
    kind: hit.kind as SearchSuggestionKind,
    text: hit.text,
    // Lazy and batched: loaded only if selected, all suggestions in one statement per type.
    product: hit.kind === "PRODUCT" && hit.refId ? deferred(() => findProduct(ctx, { id: hit.refId })) : null,
    category: hit.kind === "CATEGORY" && hit.refId ? deferred(() => categoryReference(ctx, hit.refId as string)) : null,
  }));
}
