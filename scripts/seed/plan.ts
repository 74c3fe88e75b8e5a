/** How much data a seed run makes. Scale 1 is the documented demo size. */
export interface SeedPlan {
  scale: number;
  users: number;
  sellers: number;
  products: number;
  orders: number;
  reviews: number;
  /** Every timestamp is placed relative to this instant, so "last 30 days" always has data. */
  now: Date;
}

export const DAY_MS = 24 * 60 * 60 * 1000;

export const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS);

/** Demo sign-ins (customer, seller, admin, analyst), in addition to the generated users. */
export const DEMO_ACCOUNT_COUNT = 4;

/**
 * Products, orders, reviews and generated users grow linearly with `scale`; stores grow with its
 * square root (a marketplace gains stores more slowly than listings), never below 20.
 */
export function planSeed(scale = 1, now = new Date()): SeedPlan {
  if (!Number.isFinite(scale) || scale <= 0 || scale > 1000) {
    throw new RangeError(`seed scale must be a number in (0, 1000], got ${scale}`);
  }
  return {
    scale,
    users: Math.max(50, Math.round(500 * scale)),
    sellers: Math.max(20, Math.round(24 * Math.sqrt(scale))),
    products: Math.max(100, Math.round(2000 * scale)),
    orders: Math.max(100, Math.round(5000 * scale)),
    reviews: Math.max(100, Math.round(5000 * scale)),
    now,
  };
}
