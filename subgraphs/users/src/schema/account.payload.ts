import { UserError } from "@bazaar/subgraph-kit";
import { Field, Int, ObjectType } from "type-graphql";
import { User } from "./user.type";

/** A new session: set on success, all null when `userErrors` is not empty. */
@ObjectType() // a base: never reachable itself, so never emitted
abstract class SessionPayload {
  @Field(() => String, { nullable: true, description: "Bearer token for API calls (ES256 JWT, 15 minutes)." })
  accessToken?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Opaque, single-use; exchange it with `refreshToken` (30 days).",
  })
  refreshToken?: string | null;

  @Field(() => Date, { nullable: true })
  accessTokenExpiresAt?: Date | null;

  @Field(() => User, { nullable: true })
  user?: User | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType()
export class RegisterPayload extends SessionPayload {}

@ObjectType()
export class LoginPayload extends SessionPayload {
  @Field(() => Int, { nullable: true, description: "With LOGIN_THROTTLED: seconds until sign-in is allowed again." })
  retryAfterSeconds?: number | null;
}

@ObjectType()
export class RefreshTokenPayload extends SessionPayload {}

@ObjectType()
export class LogoutPayload {
  @Field(() => Boolean, { description: "True when the session (every refresh token of it) is revoked." })
  loggedOut!: boolean;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType()
export class UpdateProfilePayload {
  @Field(() => User, { nullable: true })
  user?: User | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
