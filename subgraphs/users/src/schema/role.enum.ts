import { Role } from "@bazaar/auth";
import { registerEnumType } from "type-graphql";

registerEnumType(Role, { name: "Role", description: "What an account may do; access tokens carry them." });

export { Role };
