import { connectionType } from "@bazaar/subgraph-kit";
import { Seller } from "./seller.type";

export const SellerConnection = connectionType(Seller, "Seller");
