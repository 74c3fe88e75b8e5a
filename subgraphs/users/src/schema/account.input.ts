import { Field, InputType } from "type-graphql";

@InputType()
export class RegisterInput {
  @Field(() => String, { description: "Display name, 1–100 characters." })
  name!: string;

  @Field(() => String, { description: "Trimmed and lower-cased; one account per address." })
  email!: string;

  @Field(() => String, { description: "10–200 characters, not the email address." })
  password!: string;
}

@InputType()
export class LoginInput {
  @Field(() => String)
  email!: string;

  @Field(() => String)
  password!: string;
}

@InputType()
export class RefreshTokenInput {
  @Field(() => String, { description: "The refresh token from the last sign-in or refresh; usable once." })
  refreshToken!: string;
}

@InputType()
export class LogoutInput {
  @Field(() => String, { description: "Any refresh token of the session to end." })
  refreshToken!: string;
}

@InputType()
export class UpdateProfileInput {
  @Field(() => String, { description: "Display name, 1–100 characters." })
  name!: string;
}
