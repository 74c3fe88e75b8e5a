import { connectionType } from "@bazaar/subgraph-kit";
import { Product } from "./product.type";

export const ProductConnection = connectionType(Product, "Product");
