import { isAdmin } from "@bazaar/auth";
import { forbidden, requireViewer } from "@bazaar/subgraph-kit";
import type { SellersContext } from "../context";

/**
 * Admins only. Resolvers say so with `@RequiresRole("ADMIN")` too; a service must not rely on its
 * caller. Anonymous → UNAUTHENTICATED, signed in without the role → FORBIDDEN.
 */
export function requireAdmin(ctx: SellersContext): void {
  if (!isAdmin(requireViewer(ctx))) throw forbidden();
}
