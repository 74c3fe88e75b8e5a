import type { tables } from "@bazaar/drizzle";
import type { AddressSnapshot } from "@bazaar/drizzle/schema";
import { CITIES, FIRST_NAMES, LAST_NAMES, postalCode, STREET_KINDS, STREETS } from "./people.vocabulary";
import { daysBefore, type SeedPlan } from "./plan";
import { Rng } from "./random";
import { seedId } from "./seed-ids";

type UserRow = typeof tables.users.$inferInsert;
type AddressRow = typeof tables.addresses.$inferInsert;

/**
 * Fixed demo sign-ins, documented in the README. Index 1 runs the first store; the analyst has
 * read-only API access (queries and introspection, never mutations). Generated users have no
 * password: they exist to make history, not to sign in.
 */
export const DEMO_ACCOUNTS = [
  { email: "customer@bazaar.test", password: "customer-demo-2026", name: "Casey Customer", roles: ["CUSTOMER"] },
  { email: "seller@bazaar.test", password: "seller-demo-2026", name: "Sam Seller", roles: ["CUSTOMER", "SELLER"] },
  { email: "admin@bazaar.test", password: "admin-demo-2026", name: "Ada Admin", roles: ["CUSTOMER", "ADMIN"] },
  { email: "analyst@bazaar.test", password: "analyst-demo-2026", name: "Ari Analyst", roles: ["ANALYST"] },
] as const;
export const DEMO_CUSTOMER = 0;
export const DEMO_SELLER = 1;
export const DEMO_ADMIN = 2;
/**
 * The demo accounts that shop or sell are users 0–2, before the generated ones. Accounts added
 * later (the analyst) come after every generated user and draw nothing from the generator, so
 * adding one leaves every other seeded id and row exactly as it was.
 */
const LEADING_DEMO_ACCOUNTS = 3;

export interface SeedUsers {
  rows: UserRow[];
  addresses: AddressRow[];
  /** Where each user's orders ship; null for users without an address. */
  shipTo: (AddressSnapshot | null)[];
  /** How often each user shops, relative to the others (0: never). */
  shopperWeights: number[];
  /** The user running each store: the demo seller, then the first generated users. */
  storeOwners: number[];
}

export function generateUsers(plan: SeedPlan): SeedUsers {
  const rng = new Rng("users");
  const result: SeedUsers = { rows: [], addresses: [], shipTo: [], shopperWeights: [], storeOwners: [DEMO_SELLER] };
  const leading = DEMO_ACCOUNTS.slice(0, LEADING_DEMO_ACCOUNTS);
  const total = leading.length + plan.users;
  for (let index = 0; index < total; index += 1) {
    const demo = leading[index];
    const generated = index - leading.length;
    const ownsStore = !demo && generated < plan.sellers - 1;
    if (ownsStore) result.storeOwners.push(index);
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    // Store owners signed up before their store opened (stores are 400–1000 days old).
    const createdAt = daysBefore(plan.now, demo ? 1100 : ownsStore ? rng.between(1000, 1400) : rng.between(200, 900));
    const row: UserRow = {
      id: seedId("usr", index),
      email: demo?.email ?? `${emailHandle(first, last)}.${generated + 1}@example.com`,
      name: demo?.name ?? `${first} ${last}`,
      passwordHash: null,
      roles: demo ? [...demo.roles] : ownsStore ? ["CUSTOMER", "SELLER"] : ["CUSTOMER"],
      createdAt,
      updatedAt: createdAt,
    };
    result.rows.push(row);
    result.shopperWeights.push(index === DEMO_ADMIN ? 0 : rng.pick([0.3, 0.6, 1, 1, 1, 1.5, 2, 4]));
    result.shipTo.push(index === DEMO_ADMIN ? null : addAddresses(rng, row, result.addresses));
  }
  for (const staff of DEMO_ACCOUNTS.slice(LEADING_DEMO_ACCOUNTS)) {
    // Never shops: no address, weight 0 (so no orders or reviews either).
    const createdAt = daysBefore(plan.now, 1100);
    result.rows.push({
      id: seedId("usr", result.rows.length),
      email: staff.email,
      name: staff.name,
      passwordHash: null,
      roles: [...staff.roles],
      createdAt,
      updatedAt: createdAt,
    });
    result.shopperWeights.push(0);
    result.shipTo.push(null);
  }
  return result;
}

const emailHandle = (first: string, last: string) => `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, "");

/** A default home address for every shopper, and a work address for some. */
function addAddresses(rng: Rng, user: UserRow, out: AddressRow[]): AddressSnapshot {
  const home = address(rng, user, out.length, true);
  out.push(home);
  if (rng.chance(0.15)) out.push(address(rng, user, out.length, false));
  const { name, line1, line2, city, region, postalCode: postal, country } = home;
  return { name, line1, line2: line2 ?? null, city, region: region ?? null, postalCode: postal, country };
}

function address(rng: Rng, user: UserRow, index: number, isDefault: boolean): AddressRow {
  const place = rng.pick(CITIES);
  return {
    id: seedId("adr", index),
    userId: user.id,
    name: user.name,
    line1: `${rng.int(1, 9999)} ${rng.pick(STREETS)} ${rng.pick(STREET_KINDS)}`,
    line2: rng.chance(0.3) ? `Apt ${rng.int(1, 40)}${rng.pick(["", "A", "B"])}` : null,
    city: place.city,
    region: place.region,
    postalCode: postalCode(place, () => rng.float()),
    country: place.country,
    phone: rng.chance(0.5) ? `+1 555 01${String(rng.int(0, 99)).padStart(2, "0")}` : null,
    isDefault,
    createdAt: user.createdAt,
  };
}
