import { connectionType } from "@bazaar/subgraph-kit";
import { Review } from "./review.type";

export const ReviewConnection = connectionType(Review, "Review");
