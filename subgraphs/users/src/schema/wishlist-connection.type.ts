import { connectionType, PageArgs } from "@bazaar/subgraph-kit";
import { ArgsType } from "type-graphql";
import { Product } from "./product.stub";

/** Products a user saved, newest first. */
export const WishlistConnection = connectionType(Product, "Wishlist");

@ArgsType()
export class WishlistArgs extends PageArgs {}
