import { InternalCallError } from "@bazaar/subgraph-kit";
import type { VariantInfo } from "../clients/catalog.client";
import type { OrdersContext } from "../context";

/** Catalog being down is not the shopper's mistake: a retryable SERVICE_UNAVAILABLE, never a wrong answer. */
export function catalogUnavailable(error: unknown): never {
  if (error instanceof InternalCallError) {
    console.error(
      JSON.stringify({ level: "error", msg: "catalog call failed", code: error.code, error: error.message }),
    );
    throw error.toGraphQLError("The catalog cannot be reached right now; try again shortly");
  }
  throw error;
}

/** Live facts about one variant (batched with every other variant asked for in this request); null if unknown. */
export async function variantFacts(ctx: OrdersContext, variantId: string): Promise<VariantInfo | null> {
  try {
    return await ctx.loaders.variantById.load(variantId);
  } catch (error) {
    return catalogUnavailable(error);
  }
}

export async function variantsFacts(ctx: OrdersContext, variantIds: string[]): Promise<Map<string, VariantInfo>> {
  const facts = await Promise.all(variantIds.map((id) => variantFacts(ctx, id)));
  return new Map(facts.flatMap((fact) => (fact ? [[fact.id, fact] as const] : [])));
}
