import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { SellersContext } from "../context";
import { Seller } from "../schema/seller.type";
import { User } from "../schema/user.stub";
import { sellerOfUser } from "../services/seller.service";

@Resolver(() => User)
export class UserSellerResolver {
  @FieldResolver(() => Seller, { nullable: true, description: "The active store this user runs, if any." })
  seller(@Root() user: User, @Ctx() ctx: SellersContext) {
    return sellerOfUser(ctx, user.id);
  }
}
