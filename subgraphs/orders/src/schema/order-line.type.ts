import { Money } from "@bazaar/subgraph-kit";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { Product } from "./product.stub";
import { ProductVariant } from "./product-variant.stub";
import { Seller } from "./seller.stub";

/** One purchased variant. Title, sku and prices are a snapshot taken at checkout. */
@ObjectType({ description: "A line of an order: what was bought, from whom, at what price." })
export class OrderLine {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: "Product and variant title at the time of purchase." })
  title!: string;

  @Field(() => String)
  sku!: string;

  @Field(() => Money)
  unitPrice!: Money;

  @Field(() => Int)
  quantity!: number;

  @Field(() => Money, { description: "unitPrice × quantity." })
  total!: Money;

  @Field(() => Product)
  product!: Product;

  @Field(() => ProductVariant)
  variant!: ProductVariant;

  @Field(() => Seller)
  seller!: Seller;

  /** Not exposed: used to group lines by order, fulfillment and seller. */
  orderId!: string;
  fulfillmentId!: string;
  sellerId!: string;
}
