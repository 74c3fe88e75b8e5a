import { tables } from "@bazaar/drizzle";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { InProcessBus, startHousekeeping, writeToOutbox } from "../src/index";
import { usePostgresDatabase } from "./harness";

const DAY = 24 * 3_600_000;
const database = usePostgresDatabase();
const event = (id: string) => ({ id, type: "order.paid", aggregateType: "Order", aggregateId: id, payload: {} });

describe("event housekeeping", () => {
  it("prunes old published outbox rows and old dedupe rows, and nothing that may still be needed", async () => {
    const { db, connection } = database;
    const now = new Date("2026-11-22T12:00:00Z");
    const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);
    await writeToOutbox(db, tables.outbox, [event("old-published"), event("new-published"), event("old-unpublished")]);
    await db.update(tables.outbox).set({ publishedAt: daysAgo(8) }).where(eq(tables.outbox.id, "old-published"));
    await db.update(tables.outbox).set({ publishedAt: daysAgo(1) }).where(eq(tables.outbox.id, "new-published"));
    await db.update(tables.outbox).set({ createdAt: daysAgo(20) }).where(eq(tables.outbox.id, "old-unpublished"));
    await db.insert(tables.usersProcessedEvents).values([
      { consumer: "users.notifications", eventId: "seen-long-ago", processedAt: daysAgo(31) },
      { consumer: "users.notifications", eventId: "seen-lately", processedAt: daysAgo(10) },
    ]);

    const housekeeping = startHousekeeping(connection, new InProcessBus(), ["orders", "users"]);
    const report = await housekeeping.runOnce(now);
    await housekeeping.stop();

    expect(report).toEqual({ published: 1, processed: 1, log: 0 });
    const outbox = await db.select({ id: tables.outbox.id }).from(tables.outbox);
    // An unpublished row is never pruned, however old: it has not reached its consumers yet.
    expect(outbox.map((row) => row.id).sort()).toEqual(["new-published", "old-unpublished"]);
    const processed = await db.select({ eventId: tables.usersProcessedEvents.eventId }).from(tables.usersProcessedEvents);
    expect(processed.map((row) => row.eventId)).toEqual(["seen-lately"]);
  });

  it("refuses a dedupe retention shorter than the log's, which would let redeliveries through", () => {
    expect(() =>
      startHousekeeping(database.connection, new InProcessBus(), [], { keepLogMs: 10 * DAY, keepProcessedMs: 5 * DAY }),
    ).toThrow(/keepProcessedMs must exceed keepLogMs/);
  });
});
