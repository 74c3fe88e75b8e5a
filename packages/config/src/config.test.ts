import { z } from "zod";
import { describe, expect, it } from "vitest";
import { envFlag, parseEnv } from "./index";

describe("parseEnv", () => {
  it("returns the parsed values with defaults applied", () => {
    expect(parseEnv(z.object({ PORT: z.coerce.number().default(4000), ON: envFlag.default(false) }), { ON: "on" })).toEqual({
      PORT: 4000,
      ON: true,
    });
  });

  it("names every invalid variable in one message", () => {
    const schema = z.object({ PORT: z.coerce.number().int(), URL: z.string().url() });
    expect(() => parseEnv(schema, { PORT: "x", URL: "nope" })).toThrow(/Invalid configuration:\n {2}PORT: .*\n {2}URL: /);
  });
});

describe("envFlag", () => {
  it.each([
    ["true", true],
    ["1", true],
    ["on", true],
    ["false", false],
    ["0", false],
    ["off", false],
  ])("reads %s as %s", (raw, expected) => {
    expect(envFlag.parse(raw)).toBe(expected);
  });

  it("refuses anything else", () => {
    expect(envFlag.safeParse("yes").success).toBe(false);
  });
});
