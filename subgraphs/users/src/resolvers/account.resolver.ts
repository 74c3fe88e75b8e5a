import { Authenticated } from "@bazaar/subgraph-kit";
import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { UsersContext } from "../context";
import { LoginInput, LogoutInput, RefreshTokenInput, RegisterInput, UpdateProfileInput } from "../schema/account.input";
import {
  LoginPayload,
  LogoutPayload,
  RefreshTokenPayload,
  RegisterPayload,
  UpdateProfilePayload,
} from "../schema/account.payload";
import { login, register, updateProfile } from "../services/account.service";
import { endSession, refreshSession } from "../services/session.service";

/** Sign-up, sign-in and sessions need no viewer: they are how a client gets one. */
@Resolver()
export class AccountResolver {
  @Mutation(() => RegisterPayload, { description: "Creates a customer account and signs it in." })
  register(@Arg("input", () => RegisterInput) input: RegisterInput, @Ctx() ctx: UsersContext) {
    return register(ctx, input);
  }

  @Mutation(() => LoginPayload, { description: "Signs in; INVALID_CREDENTIALS or LOGIN_THROTTLED otherwise." })
  login(@Arg("input", () => LoginInput) input: LoginInput, @Ctx() ctx: UsersContext) {
    return login(ctx, input);
  }

  @Mutation(() => RefreshTokenPayload, { description: "Exchanges a refresh token for new tokens; each works once." })
  refreshToken(@Arg("input", () => RefreshTokenInput) input: RefreshTokenInput, @Ctx() ctx: UsersContext) {
    return refreshSession(ctx, input.refreshToken);
  }

  @Mutation(() => LogoutPayload, { description: "Ends the session: every refresh token of it stops working." })
  logout(@Arg("input", () => LogoutInput) input: LogoutInput, @Ctx() ctx: UsersContext) {
    return endSession(ctx, input.refreshToken);
  }

  @Authenticated()
  @Mutation(() => UpdateProfilePayload)
  updateProfile(@Arg("input", () => UpdateProfileInput) input: UpdateProfileInput, @Ctx() ctx: UsersContext) {
    return updateProfile(ctx, input);
  }
}
