import "reflect-metadata";
import { canAccessSellerData, canAccessUserData, type Role, type Viewer } from "@bazaar/auth";
import { type AuthChecker, Authorized, Directive } from "type-graphql";
import { forbidden, unauthenticated } from "./errors";

/** Every subgraph context carries the verified viewer; `null` is anonymous. */
export interface AuthContext {
  viewer: Viewer | null;
}

/**
 * type-graphql's `@Authorized` hook. It throws rather than returning false so the two failures keep
 * distinct codes: no identity → UNAUTHENTICATED, identity without the role → FORBIDDEN.
 */
export const authChecker: AuthChecker<AuthContext> = ({ context }, roles) => {
  const { viewer } = context;
  if (!viewer) throw unauthenticated();
  if (roles.length > 0 && !roles.some((role) => viewer.roles.includes(role as Role))) throw forbidden();
  return true;
};

type FieldDecorator = MethodDecorator & PropertyDecorator;

function both(first: FieldDecorator, second: FieldDecorator): FieldDecorator {
  return (target: object, key: string | symbol, descriptor?: PropertyDescriptor) => {
    (first as (t: object, k: string | symbol, d?: PropertyDescriptor) => void)(target, key, descriptor);
    (second as (t: object, k: string | symbol, d?: PropertyDescriptor) => void)(target, key, descriptor);
  };
}

/** Needs a signed-in viewer; also documents it in the SDL with federation's `@authenticated`. */
export function Authenticated(): FieldDecorator {
  return both(Authorized() as FieldDecorator, Directive("@authenticated") as FieldDecorator);
}

/** Needs one of the roles; documented in the SDL as `@requiresScopes` (each role is one alternative). */
export function RequiresRole(...roles: Role[]): FieldDecorator {
  const scopes = roles.map((role) => `["${role}"]`).join(", ");
  return both(Authorized(...roles) as FieldDecorator, Directive(`@requiresScopes(scopes: [${scopes}])`) as FieldDecorator);
}

export function requireViewer(ctx: AuthContext): Viewer {
  if (!ctx.viewer) throw unauthenticated();
  return ctx.viewer;
}

/** Owner-or-admin check for a user's private data (profile, addresses, wishlist, carts, orders). */
export function assertUserAccess(ctx: AuthContext, ownerUserId: string): Viewer {
  const viewer = requireViewer(ctx);
  if (!canAccessUserData(viewer, ownerUserId)) throw forbidden();
  return viewer;
}

/** Seller-or-admin check for a seller's private data. */
export function assertSellerAccess(ctx: AuthContext, sellerId: string): Viewer {
  const viewer = requireViewer(ctx);
  if (!canAccessSellerData(viewer, sellerId)) throw forbidden();
  return viewer;
}
