import { Resolver } from "type-graphql";
import { User } from "../schema/user.type";

/**
 * Deliberately empty for now: User is reachable only through `_entities`. The authentication
 * milestone adds `me` and the guarded private fields here.
 */
@Resolver(() => User)
export class UserResolver {}
