import { type Database, tables } from "@bazaar/drizzle";
import { type Bus, type Subscription, subscribeConsumer } from "@bazaar/events";
import { grantSellerAccount } from "../db/user.queries";
import { parsePayload, sellerPayload } from "./event-payloads";

export const SELLER_ACCOUNTS_CONSUMER = "users.seller-accounts";

/**
 * Keeps accounts in step with their stores. seller.approved gives the applicant's account the
 * store's id and the SELLER role (idempotent), which its next access token carries.
 *
 * seller.rejected and seller.suspended change nothing here, on purpose: a rejected applicant never
 * got a seller id, and a suspended store is enforced where its data lives (sellers and catalog check
 * the store's status), so the account keeps its id and a token issued before the suspension grants
 * nothing that those checks do not refuse.
 */
export function subscribeSellerAccountsConsumer(bus: Bus, db: Database): Promise<Subscription> {
  return subscribeConsumer({
    bus,
    db,
    table: tables.usersProcessedEvents,
    consumer: SELLER_ACCOUNTS_CONSUMER,
    types: ["seller.approved"],
    handle: async (event, tx) => {
      const seller = parsePayload(sellerPayload, event.payload);
      const granted = seller ? await grantSellerAccount(tx, seller.userId, seller.sellerId) : false;
      if (!granted) {
        console.warn(
          JSON.stringify({
            level: "warn",
            msg: "seller.approved for no known account",
            consumer: SELLER_ACCOUNTS_CONSUMER,
            eventId: event.id,
          }),
        );
      }
    },
  });
}
