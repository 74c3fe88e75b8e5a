import { char, integer, text, timestamp } from "drizzle-orm/pg-core";

/** Opaque string primary key; values come from `newId()` in @bazaar/subgraph-kit. */
export const idColumn = () => text("id").primaryKey();

export const createdAt = () => timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();
export const updatedAt = () => timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();

/** Money is integer minor units plus an ISO 4217 currency code. */
export const minorUnits = (name: string) => integer(name);
export const currency = (name = "currency") => char(name, { length: 3 }).notNull().default("USD");
