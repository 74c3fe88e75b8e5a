import { createHash, randomBytes } from "node:crypto";

/** An opaque guest cart token: 256 random bits. Only its hash is stored, so a database leak reveals no carts. */
export const newCartToken = (): string => `ct_${randomBytes(32).toString("base64url")}`;

export const hashCartToken = (token: string): string => createHash("sha256").update(token).digest("hex");
