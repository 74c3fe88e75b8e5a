import { describe, expect, it } from "vitest";
import { hashPassword, verifyAgainstDecoy, verifyPassword } from "./password.hasher";

describe("password hashing", () => {
  it("stores scrypt with its parameters, a random salt and no trace of the password", async () => {
    const stored = await hashPassword("correct horse battery");
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(stored).not.toContain("correct");
    expect(await hashPassword("correct horse battery")).not.toBe(stored);
  });

  it("verifies the right password and refuses any other", async () => {
    const stored = await hashPassword("correct horse battery");
    expect(await verifyPassword("correct horse battery", stored)).toBe(true);
    expect(await verifyPassword("correct horse batterY", stored)).toBe(false);
    expect(await verifyPassword("", stored)).toBe(false);
  });

  it("reads the cost from the stored string, so hashes made with other parameters keep working", async () => {
    const cheap = await hashPassword("old account password", { N: 1024, r: 8, p: 1 });
    expect(cheap.startsWith("scrypt$1024$8$1$")).toBe(true);
    expect(await verifyPassword("old account password", cheap)).toBe(true);
  });

  it.each([
    ["another scheme", "bcrypt$2b$10$abc"],
    ["a cost that is not a power of two", "scrypt$1000$8$1$c2FsdA$aGFzaA"],
    ["a cost above the ceiling", "scrypt$4194304$8$1$c2FsdA$aGFzaA"],
    ["missing parts", "scrypt$32768$8$1"],
    ["an empty string", ""],
  ])("treats %s as a mismatch rather than an error", async (_name, stored) => {
    expect(await verifyPassword("whatever password", stored)).toBe(false);
  });

  it("normalises Unicode, so the same password typed on another keyboard matches", async () => {
    const stored = await hashPassword("caf\u00e9 au lait!");
    expect(await verifyPassword("cafe\u0301 au lait!", stored)).toBe(true);
  });

  it("spends a real verification on the decoy and always fails", async () => {
    expect(await verifyAgainstDecoy("anything at all")).toBe(false);
  });
});
