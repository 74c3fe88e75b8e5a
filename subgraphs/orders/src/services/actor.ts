import { isAdmin } from "@bazaar/auth";
import type { AuthContext } from "@bazaar/subgraph-kit";
import type { Actor } from "../db/order-write.queries";

export const SYSTEM: Actor = { type: "SYSTEM", id: null };

/** Who is acting on an order, for its timeline: its customer, an admin, or a seller in it. */
export function actorOf(ctx: AuthContext, customerId: string): Actor {
  const viewer = ctx.viewer;
  if (!viewer) return SYSTEM;
  if (viewer.userId === customerId) return { type: "CUSTOMER", id: viewer.userId };
  if (isAdmin(viewer)) return { type: "ADMIN", id: viewer.userId };
  return { type: "SELLER", id: viewer.userId };
}
