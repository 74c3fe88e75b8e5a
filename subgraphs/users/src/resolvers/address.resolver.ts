import { Authenticated } from "@bazaar/subgraph-kit";
import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { UsersContext } from "../context";
import {
  AddAddressInput,
  RemoveAddressInput,
  SetDefaultAddressInput,
  UpdateAddressInput,
} from "../schema/address.input";
import {
  AddAddressPayload,
  RemoveAddressPayload,
  SetDefaultAddressPayload,
  UpdateAddressPayload,
} from "../schema/address.payload";
import { addAddress, removeAddress, setDefaultAddress, updateAddress } from "../services/address.service";

/** The signed-in user's own address book; there is no way to name another user's. */
@Resolver()
export class AddressResolver {
  @Authenticated()
  @Mutation(() => AddAddressPayload)
  addAddress(@Arg("input", () => AddAddressInput) input: AddAddressInput, @Ctx() ctx: UsersContext) {
    return addAddress(ctx, input);
  }

  @Authenticated()
  @Mutation(() => UpdateAddressPayload)
  updateAddress(@Arg("input", () => UpdateAddressInput) input: UpdateAddressInput, @Ctx() ctx: UsersContext) {
    return updateAddress(ctx, input);
  }

  @Authenticated()
  @Mutation(() => RemoveAddressPayload)
  removeAddress(@Arg("input", () => RemoveAddressInput) input: RemoveAddressInput, @Ctx() ctx: UsersContext) {
    return removeAddress(ctx, input);
  }

  @Authenticated()
  @Mutation(() => SetDefaultAddressPayload)
  setDefaultAddress(
    @Arg("input", () => SetDefaultAddressInput) input: SetDefaultAddressInput,
    @Ctx() ctx: UsersContext,
  ) {
    return setDefaultAddress(ctx, input);
  }
}
