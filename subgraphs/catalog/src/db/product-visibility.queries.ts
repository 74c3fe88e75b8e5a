import { tables } from "@bazaar/drizzle";
import { and, eq } from "drizzle-orm";
import { sellerListed } from "./seller-listing.queries";

const { products } = tables;

/**
 * The one definition of "shown publicly": an ACTIVE product of a seller whose listing is active.
 * Every public read (lookups, listings, counts, search) filters with it; entity lookups do not.
 */
export const publiclyListed = () => and(eq(products.status, "ACTIVE"), sellerListed(products.sellerId));
