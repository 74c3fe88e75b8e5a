import {
  InternalCallError,
  type InternalClient,
  internalClient,
  operation,
  type UserError,
  userError,
} from "@bazaar/subgraph-kit";

/** What orders needs to know about a variant to put it in a cart: catalog's live answer. */
export interface VariantInfo {
  id: string;
  productId: string;
  sellerId: string;
  price: { amount: number; currencyCode: string };
  stock: number;
  /** Its product is on sale (ACTIVE). */
  purchasable: boolean;
}

/** A reserved line, priced by catalog at reservation time: the only prices an order ever uses. */
export interface ReservedLine {
  variantId: string;
  productId: string;
  sellerId: string;
  title: string;
  variantTitle: string;
  sku: string;
  unitPrice: { amount: number; currencyCode: string };
  quantity: number;
}

export interface Reservation {
  orderId: string;
  expiresAt: Date;
  lines: ReservedLine[];
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; userErrors: UserError[] };

/**
 * The port to catalog: live variant facts for carts, and catalog's internal stock API for checkout.
 * Transport failures throw `InternalCallError`; business refusals come back as `{ ok: false }`.
 */
export interface CatalogPort {
  variants(ids: readonly string[]): Promise<VariantInfo[]>;
  reserveStock(
    orderId: string,
    lines: { variantId: string; quantity: number }[],
    ttlSeconds: number,
  ): Promise<Outcome<Reservation>>;
  commitReservation(orderId: string): Promise<Outcome<void>>;
  releaseReservation(orderId: string): Promise<Outcome<void>>;
  close(): void;
}

interface Remote {
  userErrors: { code: string; field?: string[] | null; message: string }[];
}
type RemoteReservation = Omit<Reservation, "expiresAt"> & { expiresAt: string };

const VARIANTS = operation<
  {
    _entities: ({
      id: string;
      stock: number;
      price: VariantInfo["price"];
      product: { id: string; status: string; seller: { id: string } };
    } | null)[];
  },
  { r: { __typename: "ProductVariant"; id: string }[] }
>(
  "query($r:[_Any!]!){_entities(representations:$r){... on ProductVariant { id stock price { amount currencyCode } product { id status seller { id } } }}}",
);

const RESERVATION_FIELDS =
  "reservation { orderId expiresAt lines { variantId productId sellerId title variantTitle sku unitPrice { amount currencyCode } quantity } } userErrors { code field message }";
const RESERVE = operation<{ reserveStock: Remote & { reservation: RemoteReservation | null } }, { input: unknown }>(
  `mutation($input: ReserveStockInput!) { reserveStock(input: $input) { ${RESERVATION_FIELDS} } }`,
);
const COMMIT = operation<{ commitReservation: Remote }, { input: { orderId: string } }>(
  "mutation($input: CommitReservationInput!) { commitReservation(input: $input) { userErrors { code field message } } }",
);
const RELEASE = operation<{ releaseReservation: Remote }, { input: { orderId: string } }>(
  "mutation($input: ReleaseReservationInput!) { releaseReservation(input: $input) { userErrors { code field message } } }",
);

/** Catalog's user errors concern its own input, not the shopper's: keep code and message only. */
const refused = (remote: Remote): { ok: false; userErrors: UserError[] } => ({
  ok: false,
  userErrors: remote.userErrors.map((e) => userError(e.code, e.message)),
});

/**
 * Few connections on purpose: during a rush every reservation of a popular variant queues on one row
 * lock in catalog, and more concurrent transactions there only lengthen the queue each one waits in.
 */
const CATALOG_CONNECTIONS = 16;

export function httpCatalog(options: {
  url: string;
  serviceToken?: string | undefined;
  timeoutMs?: number | undefined;
}): CatalogPort {
  const client: InternalClient = internalClient({
    service: "catalog",
    url: options.url,
    serviceToken: options.serviceToken,
    // A reservation waits its turn at catalog (pool, row lock) within this; checkout may be retried with its key.
    timeoutMs: options.timeoutMs ?? 10_000,
    maxSockets: CATALOG_CONNECTIONS,
  });
  return {
    async variants(ids) {
      if (ids.length === 0) return [];
      const data = await client.request(VARIANTS, {
        r: ids.map((id) => ({ __typename: "ProductVariant" as const, id })),
      });
      return data._entities.flatMap((v) =>
        v
          ? [
              {
                id: v.id,
                productId: v.product.id,
                sellerId: v.product.seller.id,
                price: v.price,
                stock: v.stock,
                purchasable: v.product.status === "ACTIVE",
              },
            ]
          : [],
      );
    },
    async reserveStock(orderId, lines, ttlSeconds) {
      const { reserveStock: payload } = await client.request(RESERVE, { input: { orderId, lines, ttlSeconds } });
      if (payload.userErrors.length > 0 || !payload.reservation) return refused(payload);
      return { ok: true, value: { ...payload.reservation, expiresAt: new Date(payload.reservation.expiresAt) } };
    },
    async commitReservation(orderId) {
      const { commitReservation: payload } = await client.request(COMMIT, { input: { orderId } });
      return payload.userErrors.length > 0 ? refused(payload) : { ok: true, value: undefined };
    },
    async releaseReservation(orderId) {
      const { releaseReservation: payload } = await client.request(RELEASE, { input: { orderId } });
      return payload.userErrors.length > 0 ? refused(payload) : { ok: true, value: undefined };
    },
    close: () => client.close(),
  };
}

/** Without a catalog URL (entity-only tests, tools) every catalog need fails as unavailable. */
export const noCatalog: CatalogPort = {
  variants: unavailable,
  reserveStock: unavailable,
  commitReservation: unavailable,
  releaseReservation: unavailable,
  close: () => {},
};

async function unavailable(): Promise<never> {
  throw new InternalCallError("catalog", "SERVICE_UNAVAILABLE", "no catalog URL is configured for orders");
}
