import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customer, HOME } from "./address.fixtures";
import { startUsers, type UsersHarness } from "./fixtures";

let h: UsersHarness;

beforeAll(async () => {
  h = await startUsers();
});

afterAll(async () => {
  await h?.stop();
});

describe("adding addresses", () => {
  it("stores a cleaned address; the first one becomes the default", async () => {
    const me = await customer(h);
    const result = await me.add({
      ...HOME,
      line1: "  12 St James's Square ",
      country: " gb ",
      line2: "",
      phone: "+44 20 7946 0000",
    });
    expect(result.userErrors).toEqual([]);
    expect(result.address).toMatchObject({
      ...HOME,
      line2: null,
      region: null,
      phone: "+44 20 7946 0000",
      isDefault: true,
    });
  });

  it("keeps one default: a later address takes it over only when asked to", async () => {
    const me = await customer(h);
    const first = await me.add(HOME);
    const second = await me.add({ ...HOME, city: "Bath" });
    const third = await me.add({ ...HOME, city: "York", isDefault: true });
    expect(second.address?.isDefault).toBe(false);
    const book = await me.book();
    expect(book.addresses.map((a) => [a.city, a.isDefault])).toEqual([
      ["York", true],
      ["London", false],
      ["Bath", false],
    ]);
    expect(book.defaultAddress?.id).toBe(third.address?.id);
    expect(first.address?.id).not.toBe(third.address?.id);
  });

  it.each([
    ["name", "", "REQUIRED"],
    ["name", "n".repeat(101), "TOO_LONG"],
    ["line1", "   ", "REQUIRED"],
    ["line1", "l".repeat(201), "TOO_LONG"],
    ["line2", "l".repeat(201), "TOO_LONG"],
    ["city", "", "REQUIRED"],
    ["city", "c".repeat(101), "TOO_LONG"],
    ["region", "r".repeat(101), "TOO_LONG"],
    ["postalCode", "", "REQUIRED"],
    ["postalCode", "1".repeat(21), "TOO_LONG"],
    ["country", "XX", "INVALID_COUNTRY"],
    ["country", "GBR", "INVALID_COUNTRY"],
    ["country", "UK", "INVALID_COUNTRY"],
    ["phone", "call me maybe", "INVALID_PHONE"],
    ["city", "Lon\u0000don", "INVALID_CHARACTERS"],
  ])("refuses %s = %j with %s and stores nothing", async (field, value, code) => {
    const me = await customer(h);
    const result = await me.add({ ...HOME, [field]: value });
    expect(result).toEqual({ address: null, userErrors: [{ code, field: ["input", field] }] });
    expect((await me.book()).addresses).toEqual([]);
  });

  it("accepts at most 20 addresses", async () => {
    const me = await customer(h);
    for (let i = 0; i < 20; i += 1) expect((await me.add({ ...HOME, line1: `${i} High St` })).userErrors).toEqual([]);
    expect((await me.add(HOME)).userErrors).toEqual([{ code: "ADDRESS_LIMIT_REACHED", field: null }]);
  });
});
