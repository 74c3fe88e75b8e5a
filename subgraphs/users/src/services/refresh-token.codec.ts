import { createHash, randomBytes } from "node:crypto";

/** 256 random bits, base64url, with a prefix that secret scanners and humans can recognise. */
const PREFIX = "rt_";
const PATTERN = /^rt_[A-Za-z0-9_-]{43}$/;

export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 60 * 60 * 1000;

export const newRefreshToken = (): string => `${PREFIX}${randomBytes(32).toString("base64url")}`;

/** Only this digest is stored: a database leak does not hand out live sessions. */
export const refreshTokenHash = (token: string): string => createHash("sha256").update(token).digest("hex");

/** Rejects anything we could not have issued before it reaches the database. */
export const isRefreshTokenShaped = (token: string): boolean => PATTERN.test(token);
