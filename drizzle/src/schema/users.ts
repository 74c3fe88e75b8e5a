import { sql } from "drizzle-orm";
import { bigint, boolean, char, index, pgSchema, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, idColumn, updatedAt } from "./columns";
import { outboxTable, processedEventsTable } from "./events";

export const usersSchema = pgSchema("users");

export const users = usersSchema.table(
  "users",
  {
    id: idColumn(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash"),
    roles: text("roles").array().notNull().default(sql`'{CUSTOMER}'::text[]`),
    /** sellers.sellers.id once the user's store is approved; carried in access tokens. */
    sellerId: text("seller_id"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("users_email_key").on(t.email),
    // A seller's accounts, for notifications about the store's orders (users.notifications consumer).
    index("users_seller_idx").on(t.sellerId).where(sql`${t.sellerId} is not null`),
  ],
);

export const addresses = usersSchema.table(
  "addresses",
  {
    id: idColumn(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    line1: text("line1").notNull(),
    line2: text("line2"),
    city: text("city").notNull(),
    region: text("region"),
    postalCode: text("postal_code").notNull(),
    country: char("country", { length: 2 }).notNull(),
    phone: text("phone"),
    isDefault: boolean("is_default").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    index("addresses_user_idx").on(t.userId),
    // At most one default address per user, whatever the interleaving of concurrent writes.
    uniqueIndex("addresses_one_default_per_user").on(t.userId).where(sql`${t.isDefault}`),
  ],
);

export const wishlistItems = usersSchema.table(
  "wishlist_items",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    productId: text("product_id").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.productId] }),
    index("wishlist_items_user_created_idx").on(t.userId, t.createdAt, t.productId),
    // Everyone who saved a product, for back-in-stock notifications.
    index("wishlist_items_product_idx").on(t.productId),
  ],
);

export const notifications = usersSchema.table(
  "notifications",
  {
    id: idColumn(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    link: text("link"),
    createdAt: createdAt(),
    readAt: timestamp("read_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [
    index("notifications_user_created_idx").on(t.userId, t.createdAt),
    // Unread counts and `unreadOnly` pages read only the (few) unread rows of a user.
    index("notifications_user_unread_idx").on(t.userId, t.createdAt).where(sql`${t.readAt} is null`),
  ],
);

/**
 * A chain of refresh tokens descending from one sign-in. Revoking the family (logout, or a reused
 * token) kills every member at once, including a successor minted concurrently with the revocation.
 */
export const refreshTokenFamilies = usersSchema.table(
  "refresh_token_families",
  {
    id: idColumn(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date" }),
    /** LOGOUT or REUSE; kept for audits. */
    revokedReason: text("revoked_reason"),
  },
  (t) => [index("refresh_token_families_user_idx").on(t.userId)],
);

/** Opaque refresh tokens, stored only as SHA-256 hashes; each is usable exactly once. */
export const refreshTokens = usersSchema.table(
  "refresh_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    familyId: text("family_id")
      .notNull()
      .references(() => refreshTokenFamilies.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [index("refresh_tokens_family_idx").on(t.familyId)],
);

/**
 * Failed sign-ins, the input of login throttling. In the database so every process sees the same
 * counts. `clearedAt` is set by a successful sign-in: it resets the account count, not the IP count.
 */
export const loginFailures = usersSchema.table(
  "login_failures",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    createdAt: createdAt(),
    clearedAt: timestamp("cleared_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [
    index("login_failures_email_created_idx").on(t.email, t.createdAt),
    index("login_failures_ip_created_idx").on(t.ip, t.createdAt),
  ],
);

/** Events this subgraph produces (the outbox) and has applied (dedupe); see @bazaar/events. */
export const usersOutbox = outboxTable(usersSchema);
export const usersProcessedEvents = processedEventsTable(usersSchema);
