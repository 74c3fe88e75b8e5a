import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { useSeededDatabase } from "./sql-checks.fixture";

const { rows, one } = useSeededDatabase();

describe("orders", () => {
  it("have 1–4 lines, one fulfillment per store, and totals that add up", async () => {
    expect(
      await rows(sql`select order_id from orders.order_lines group by 1 having count(*) not between 1 and 4`),
    ).toEqual([]);
    expect(
      await rows(sql`select order_id, seller_id from orders.fulfillments group by 1, 2 having count(*) > 1`),
    ).toEqual([]);
    const misfiled =
      await rows(sql`select l.id from orders.order_lines l join orders.fulfillments f on f.id = l.fulfillment_id
      where f.seller_id <> l.seller_id or f.order_id <> l.order_id`);
    expect(misfiled).toEqual([]);
    const totals = await rows(sql`select o.id from orders.orders o join orders.order_lines l on l.order_id = o.id
      group by o.id having o.subtotal <> sum(l.total) or o.total <> o.subtotal + o.shipping_total + o.tax_total
        or bool_or(l.total <> l.unit_price * l.quantity)`);
    expect(totals).toEqual([]);
  });

  it("span the last 180 days, mostly completed or paid and some cancelled, with matching fulfillments", async () => {
    const span = await one<{ oldest: number; newest: number }>(sql`select
      extract(epoch from now() - min(placed_at)) / 86400 as oldest, extract(epoch from now() - max(placed_at)) / 86400 as newest
      from orders.orders`);
    expect(Number(span.oldest)).toBeLessThanOrEqual(180);
    expect(Number(span.newest)).toBeLessThan(2);
    const pairs = await rows<{ order_status: string; fulfillment_status: string }>(sql`
      select distinct o.status as order_status, f.status as fulfillment_status
      from orders.orders o join orders.fulfillments f on f.order_id = o.id order by 1, 2`);
    const allowed = [
      "CANCELLED/CANCELLED",
      "COMPLETED/DELIVERED",
      "PAID/DELIVERED",
      "PAID/SHIPPED",
      "PAID/UNFULFILLED",
    ];
    for (const p of pairs) expect(allowed).toContain(`${p.order_status}/${p.fulfillment_status}`);
    const statuses = await one<{ settled: number; cancelled: number }>(sql`select
      count(*) filter (where status in ('COMPLETED', 'PAID'))::int as settled,
      count(*) filter (where status = 'CANCELLED')::int as cancelled from orders.orders`);
    expect(statuses.settled).toBeGreaterThan(4500);
    expect(statuses.cancelled).toBeGreaterThan(0);
  });
});

describe("recommendation signals", () => {
  it("record one PURCHASE interaction per line of every order that was not cancelled, at its placed time", async () => {
    const mismatch = await one<{ lines: number; interactions: number; off: number }>(sql`select
      (select count(*)::int from orders.order_lines l join orders.orders o on o.id = l.order_id where o.status <> 'CANCELLED') as lines,
      (select count(*)::int from recommendations.interactions where kind = 'PURCHASE') as interactions,
      (select count(*)::int from recommendations.interactions i join orders.orders o on o.id = i.order_id
        where i.occurred_at <> o.placed_at or i.user_id <> o.user_id or o.status = 'CANCELLED') as off`);
    expect(mismatch.interactions).toBe(mismatch.lines);
    expect(mismatch.off).toBe(0);
    const recent = await one<{
      n: number;
    }>(sql`select count(distinct product_id)::int as n from recommendations.interactions
      where occurred_at > now() - interval '30 days'`);
    expect(recent.n).toBeGreaterThan(50);
  });

  it("give co-purchases structure: most pairs share a category or a store", async () => {
    const share = await one<{ related: number }>(sql`select avg(case when a.category_id = b.category_id
        or a.seller_id = b.seller_id then 1.0 else 0 end)::float as related
      from recommendations.co_purchases c
      join catalog.products a on a.id = c.product_id join catalog.products b on b.id = c.related_product_id`);
    expect(share.related).toBeGreaterThan(0.5);
    const symmetric =
      await rows(sql`select 1 from recommendations.co_purchases c left join recommendations.co_purchases d
      on d.product_id = c.related_product_id and d.related_product_id = c.product_id where d.orders is distinct from c.orders`);
    expect(symmetric).toEqual([]);
  });
});
