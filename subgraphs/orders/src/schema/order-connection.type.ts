import { connectionType } from "@bazaar/subgraph-kit";
import { Order } from "./order.type";

export const OrderConnection = connectionType(Order, "Order");
