import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { SellersContext } from "../context";
import { Seller } from "../schema/seller.type";
import { User } from "../schema/user.stub";
import { sellerOfUser } from "../services/seller.service";

@Resolver(() => User)
export class UserSellerResolver {
  @FieldResolver(() => Seller, {
    nullable: true,
    description: "The store this user runs: an ACTIVE one for everyone; in any status (e.g. a PENDING application) for the user and admins.",
  })
  seller(@Root() user: User, @Ctx() ctx: SellersContext) {
    return sellerOfUser(ctx, user.id);
  }
}
