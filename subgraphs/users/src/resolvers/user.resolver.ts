import { Authenticated } from "@bazaar/subgraph-kit";
import { Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { UsersContext } from "../context";
import { Address } from "../schema/address.type";
import { Role } from "../schema/role.enum";
import { User } from "../schema/user.type";
import { WishlistArgs, WishlistConnection } from "../schema/wishlist-connection.type";
import { userAddresses, userDefaultAddress } from "../services/address-book.service";
import { me, userCreatedAt, userEmail, userRoles } from "../services/user.service";
import { userWishlist } from "../services/wishlist.service";

/**
 * `me` and the private fields of User. Each private field needs a signed-in viewer who is the user or
 * an admin (checked in the service): a User is reachable through `_entities` from anywhere.
 */
// Private fields are nullable: refusing one of them nulls just that field (with an error), not the
// review or order that reached this user through another subgraph.
@Resolver(() => User)
export class UserResolver {
  @Query(() => User, { nullable: true, description: "The signed-in user; null when anonymous." })
  me(@Ctx() ctx: UsersContext) {
    return me(ctx);
  }

  @Authenticated()
  @FieldResolver(() => String, { nullable: true, description: "Sign-in email. The user or an admin only." })
  email(@Root() user: User, @Ctx() ctx: UsersContext) {
    return userEmail(ctx, user.id);
  }

  @Authenticated()
  @FieldResolver(() => [Role], { nullable: true, description: "The user or an admin only." })
  roles(@Root() user: User, @Ctx() ctx: UsersContext) {
    return userRoles(ctx, user.id);
  }

  @Authenticated()
  @FieldResolver(() => [Address], {
    nullable: true,
    description: "Address book, default first. The user or an admin only.",
  })
  addresses(@Root() user: User, @Ctx() ctx: UsersContext) {
    return userAddresses(ctx, user.id);
  }

  @Authenticated()
  @FieldResolver(() => Address, {
    nullable: true,
    description: "Where orders ship by default. The user or an admin only.",
  })
  defaultAddress(@Root() user: User, @Ctx() ctx: UsersContext) {
    return userDefaultAddress(ctx, user.id);
  }

  @Authenticated()
  @FieldResolver(() => WishlistConnection, {
    nullable: true,
    description: "Saved products, newest first. The user or an admin only.",
  })
  wishlist(@Root() user: User, @Args(() => WishlistArgs) page: WishlistArgs, @Ctx() ctx: UsersContext) {
    return userWishlist(ctx, user.id, page);
  }

  @Authenticated()
  @FieldResolver(() => Date, {
    nullable: true,
    description: "When the account was created. The user or an admin only.",
  })
  createdAt(@Root() user: User, @Ctx() ctx: UsersContext) {
    return userCreatedAt(ctx, user.id);
  }
}
