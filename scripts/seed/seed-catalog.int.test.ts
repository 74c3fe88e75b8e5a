import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { useSeededDatabase } from "./sql-checks.fixture";

const { rows, one } = useSeededDatabase();

describe("catalog", () => {
  it("builds a nested category tree and lists products only in its leaves", async () => {
    const roots = await rows<{
      name: string;
      children: number;
    }>(sql`select r.name, count(c.id)::int as children from catalog.categories r
          join catalog.categories c on c.parent_id = r.id where r.parent_id is null group by r.name`);
    expect(roots.length).toBeGreaterThanOrEqual(6);
    for (const root of roots) expect(root.children).toBeGreaterThanOrEqual(3);
    for (const root of roots) expect(root.children).toBeLessThanOrEqual(5);
    const grandchildren = await one<{ n: number }>(
      sql`select count(*)::int as n from catalog.categories g join catalog.categories c on g.parent_id = c.id
          where c.parent_id is not null`,
    );
    expect(grandchildren.n).toBeGreaterThan(0);
    const inInnerNodes = await one<{ n: number }>(
      sql`select count(*)::int as n from catalog.products p
          where exists (select 1 from catalog.categories c where c.parent_id = p.category_id)`,
    );
    expect(inInnerNodes.n).toBe(0);
  });

  it("gives every product 1–4 variants whose prices bound its min and max price", async () => {
    const mismatched = await rows(
      sql`select p.id from catalog.products p left join catalog.product_variants v on v.product_id = p.id
          group by p.id, p.min_price, p.max_price
          having count(v.id) not between 1 and 4 or min(v.price) <> p.min_price or max(v.price) <> p.max_price`,
    );
    expect(mismatched).toEqual([]);
    const stock = await one<{ sold_out: number; total: number }>(
      sql`select count(*) filter (where stock = 0)::int as sold_out, count(*)::int as total from catalog.product_variants`,
    );
    expect(stock.sold_out).toBeGreaterThan(0);
    expect(stock.sold_out).toBeLessThan(stock.total / 5);
  });

  it("lists mostly active products, some drafts and archived ones", async () => {
    const byStatus = Object.fromEntries(
      (
        await rows<{ status: string; n: number }>(
          sql`select status, count(*)::int as n from catalog.products group by status`,
        )
      ).map((r) => [r.status, r.n]),
    );
    expect(byStatus.ACTIVE).toBeGreaterThan(1600);
    expect(byStatus.DRAFT).toBeGreaterThan(0);
    expect(byStatus.ARCHIVED).toBeGreaterThan(0);
  });
});

describe("reviews", () => {
  it("are unique per product and author and summarised on products and stores", async () => {
    expect(
      await rows(sql`select product_id, author_id from catalog.reviews group by 1, 2 having count(*) > 1`),
    ).toEqual([]);
    const products = await rows(sql`
      select p.id from catalog.products p left join catalog.reviews r on r.product_id = p.id
      group by p.id, p.rating_count, p.rating_average
      having p.rating_count <> count(r.id) or abs(p.rating_average - coalesce(avg(r.rating), 0)) > 0.001`);
    expect(products).toEqual([]);
    const stores = await rows(sql`
      select s.id from sellers.sellers s
      left join catalog.products p on p.seller_id = s.id left join catalog.reviews r on r.product_id = p.id
      group by s.id, s.rating_count, s.rating_average
      having s.rating_count <> count(r.id) or abs(s.rating_average - coalesce(avg(r.rating), 0)) > 0.001`);
    expect(stores).toEqual([]);
  });

  it("are mostly written by customers who bought the product", async () => {
    const verified = await one<{ share: number }>(sql`
      select avg(case when exists (select 1 from orders.order_lines l join orders.orders o on o.id = l.order_id
        where l.product_id = r.product_id and o.user_id = r.author_id) then 1.0 else 0 end)::float as share
      from catalog.reviews r`);
    expect(verified.share).toBeGreaterThan(0.8);
  });
});
