import type { tables } from "@bazaar/drizzle";
import type { FulfillmentStatus, OrderStatus } from "@bazaar/drizzle/schema";
import type { OrderWorld } from "./order-world";
import { DAY_MS } from "./plan";
import type { SeedProduct } from "./product.seed";
import { Rng } from "./random";
import { seedId } from "./seed-ids";
import { DEMO_CUSTOMER } from "./user.seed";

type OrderRow = typeof tables.orders.$inferInsert;
type FulfillmentRow = typeof tables.fulfillments.$inferInsert;
type LineRow = typeof tables.orderLines.$inferInsert;

export interface SeedOrder {
  order: OrderRow;
  fulfillments: FulfillmentRow[];
  lines: LineRow[];
  userIndex: number;
  /** Product index of each line. */
  lineProducts: number[];
  cancelled: boolean;
}

/** Line and fulfillment ids are `order index × 4 + position`: deterministic without a counter. */
export const MAX_LINES = 4;
const HISTORY_DAYS = 180;
const FREE_SHIPPING_FROM = 5_000;
const SHIPPING_FEE = 599;
const TAX_RATE = 0.08;

/** Order `i` of the history, a pure function of the world and `i` (orders are numbered by time). */
export function generateOrder(world: OrderWorld, i: number): SeedOrder {
  const rng = new Rng(`order:${i}`);
  const now = world.plan.now.getTime();
  // sqrt: the marketplace grew, so recent months hold more orders than early ones.
  const ageDays = Math.max(0.01, HISTORY_DAYS * (1 - Math.sqrt((i + rng.float()) / world.plan.orders)));
  const placedAt = now - ageDays * DAY_MS;
  const userIndex = i % 500 === 250 ? DEMO_CUSTOMER : world.shoppers.draw(rng);
  const lineProducts = basket(world, rng, ageDays);
  const cancelled = rng.chance(0.04);
  const orderId = seedId("ord", i);

  const sellerFulfillment = new Map<string, FulfillmentRow>();
  const fulfillments: FulfillmentRow[] = [];
  const lines = lineProducts.map((productIndex, position): LineRow => {
    const product = world.products[productIndex] as SeedProduct;
    const variant = rng.pick(product.variants);
    let fulfillment = sellerFulfillment.get(product.row.sellerId);
    if (!fulfillment) {
      fulfillment = fulfillmentFor(rng, orderId, seedId("ful", i * MAX_LINES + fulfillments.length), placedAt, now, cancelled);
      fulfillment.sellerId = product.row.sellerId;
      sellerFulfillment.set(product.row.sellerId, fulfillment);
      fulfillments.push(fulfillment);
    }
    const quantity = rng.weightedIndex([75, 18, 7]) + 1;
    return {
      id: seedId("oln", i * MAX_LINES + position),
      orderId,
      fulfillmentId: fulfillment.id,
      productId: product.row.id,
      variantId: variant.id,
      sellerId: product.row.sellerId,
      title: product.row.title,
      sku: variant.sku,
      unitPrice: variant.price,
      quantity,
      total: variant.price * quantity,
    };
  });

  const subtotal = lines.reduce((sum, line) => sum + line.total, 0);
  const shippingTotal = fulfillments.reduce((sum, f) => {
    const sellerSubtotal = lines.filter((l) => l.fulfillmentId === f.id).reduce((s, l) => s + l.total, 0);
    return sum + (sellerSubtotal >= FREE_SHIPPING_FROM ? 0 : SHIPPING_FEE);
  }, 0);
  const taxTotal = Math.round(subtotal * TAX_RATE);
  const delivered = fulfillments.every((f) => f.status === "DELIVERED");
  const status: OrderStatus = cancelled ? "CANCELLED" : delivered ? "COMPLETED" : "PAID";
  const lastEvent = Math.max(placedAt, ...fulfillments.map((f) => (f.deliveredAt ?? f.shippedAt ?? new Date(0)).getTime()));
  const order: OrderRow = {
    id: orderId,
    number: `BZ-${String(i + 1).padStart(6, "0")}`,
    userId: world.users.rows[userIndex]?.id as string,
    status,
    currency: "USD",
    subtotal,
    shippingTotal,
    taxTotal,
    total: subtotal + shippingTotal + taxTotal,
    shippingAddress: world.users.shipTo[userIndex] ?? null,
    placedAt: new Date(placedAt),
    updatedAt: new Date(cancelled ? Math.min(now, placedAt + 0.2 * DAY_MS) : lastEvent),
  };
  return { order, fulfillments, lines, userIndex, lineProducts, cancelled };
}

/** An anchor product plus, mostly, things bought with it: this is what gives co-purchases structure. */
function basket(world: OrderWorld, rng: Rng, ageDays: number): number[] {
  const size = rng.weightedIndex([45, 30, 15, 10]) + 1;
  const anchor =
    ageDays < 30 && rng.chance(0.35) ? rng.pick(world.hot) : (world.orderable[world.demand.draw(rng)] as number);
  const picked = [anchor];
  for (let attempt = 0; picked.length < size && attempt < 10; attempt += 1) {
    const draw = rng.float();
    const base = draw < 0.6 ? anchor : draw < 0.75 ? (picked.at(-1) as number) : undefined;
    const sameLeaf = world.byLeaf[(world.products[anchor] as SeedProduct).leafIndex] ?? [];
    const pool = base !== undefined ? (world.companions[base] ?? []) : draw < 0.85 ? sameLeaf : [];
    const candidate = pool.length > 0 ? rng.pick(pool) : (world.orderable[world.demand.draw(rng)] as number);
    if (!picked.includes(candidate)) picked.push(candidate);
  }
  return picked;
}

function fulfillmentFor(rng: Rng, orderId: string, id: string, placedAt: number, now: number, cancelled: boolean) {
  const shipped = placedAt + rng.between(0.3, 2.5) * DAY_MS;
  const delivered = shipped + rng.between(1.5, 6) * DAY_MS;
  const tracking = `1Z${String(rng.int(100_000_000, 999_999_999))}${String(rng.int(10, 99))}`;
  const status: FulfillmentStatus = cancelled
    ? "CANCELLED"
    : delivered <= now
      ? "DELIVERED"
      : shipped <= now
        ? "SHIPPED"
        : "UNFULFILLED";
  const row: FulfillmentRow = {
    id,
    orderId,
    sellerId: "",
    status,
    trackingNumber: status === "SHIPPED" || status === "DELIVERED" ? tracking : null,
    shippedAt: status === "SHIPPED" || status === "DELIVERED" ? new Date(shipped) : null,
    deliveredAt: status === "DELIVERED" ? new Date(delivered) : null,
    createdAt: new Date(placedAt),
  };
  return row;
}
