import { UserError } from "@bazaar/subgraph-kit";
import { Field, ID, ObjectType } from "type-graphql";
import { Address } from "./address.type";
import { User } from "./user.type";

@ObjectType() // a base: never reachable itself, so never emitted
abstract class AddressPayload {
  @Field(() => Address, { nullable: true })
  address?: Address | null;

  @Field(() => User, { nullable: true, description: "The owner: another address may have stopped being the default." })
  user?: User | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType()
export class AddAddressPayload extends AddressPayload {}

@ObjectType()
export class UpdateAddressPayload extends AddressPayload {}

@ObjectType()
export class SetDefaultAddressPayload extends AddressPayload {}

@ObjectType()
export class RemoveAddressPayload {
  @Field(() => ID, { nullable: true })
  removedAddressId?: string | null;

  @Field(() => User, { nullable: true, description: "The owner, to refetch the address book from." })
  user?: User | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
