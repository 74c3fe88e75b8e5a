import { z } from "zod";

/**
 * The parts of other subgraphs' event payloads users reads (contracts in notes/EVENTS.md). Extra
 * fields are ignored, so producers can grow their payloads without breaking this consumer.
 */
export const orderPayload = z.object({
  orderId: z.string().min(1),
  number: z.string().min(1),
  customerId: z.string().min(1),
  /** Minor units of `currency`. */
  total: z.number().int(),
  refundedTotal: z.number().int().default(0),
  currency: z.string().min(1),
  sellerIds: z.array(z.string().min(1)).default([]),
  data: z.record(z.string(), z.unknown()).nullish(),
});
export type OrderPayload = z.infer<typeof orderPayload>;

export const sellerPayload = z.object({
  sellerId: z.string().min(1),
  userId: z.string().min(1),
  name: z.string().min(1),
  slug: z.string().min(1),
  reason: z.string().nullish(),
});
export type SellerPayload = z.infer<typeof sellerPayload>;

export const productPayload = z.object({
  productId: z.string().min(1),
  title: z.string().min(1),
  slug: z.string().min(1),
});
export type ProductPayload = z.infer<typeof productPayload>;

/** `notification.added`, users' own event, read by the fan-out to notificationAdded subscribers. */
export const notificationAddedPayload = z.object({
  notificationId: z.string().min(1),
  userId: z.string().min(1),
  kind: z.string(),
});

/** The payload when it has the expected shape, else undefined (the caller logs and skips the event). */
export function parsePayload<T>(schema: z.ZodType<T>, payload: unknown): T | undefined {
  const parsed = schema.safeParse(payload);
  return parsed.success ? parsed.data : undefined;
}
