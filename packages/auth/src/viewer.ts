import type { Role } from "./roles";

/** The verified identity behind a request; `null` in a context means anonymous. */
export interface Viewer {
  userId: string;
  roles: Role[];
  /** The seller the user runs, when they have one. */
  sellerId: string | null;
  /** `jti` of the access token, for logs and revocation. */
  tokenId: string;
  expiresAt: Date;
}

export const hasRole = (viewer: Viewer | null, role: Role): boolean => Boolean(viewer?.roles.includes(role));
export const isAdmin = (viewer: Viewer | null): boolean => hasRole(viewer, "ADMIN");

/** True when the viewer is the owner of a resource or an admin. */
export const canAccessUserData = (viewer: Viewer | null, ownerUserId: string): boolean =>
  Boolean(viewer && (viewer.userId === ownerUserId || isAdmin(viewer)));

/** True when the viewer runs the seller or is an admin. */
export const canAccessSellerData = (viewer: Viewer | null, sellerId: string): boolean =>
  Boolean(viewer && (viewer.sellerId === sellerId || isAdmin(viewer)));
