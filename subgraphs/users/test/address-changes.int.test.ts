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

describe("changing addresses", () => {
  it("updates only the fields given; null clears an optional one and is refused for a required one", async () => {
    const me = await customer(h);
    const { address } = await me.add({ ...HOME, line2: "Flat 3", region: "Westminster" });
    const id = address?.id as string;
    const updated = await me.update({ id, city: "Londinium", line2: null });
    expect(updated.address).toMatchObject({ ...HOME, city: "Londinium", line2: null, region: "Westminster" });
    expect(await me.update({ id, city: null })).toEqual({
      address: null,
      userErrors: [{ code: "REQUIRED", field: ["input", "city"] }],
    });
    expect(await me.update({ id, country: "ZZ" })).toEqual({
      address: null,
      userErrors: [{ code: "INVALID_COUNTRY", field: ["input", "country"] }],
    });
    expect((await me.update({ id })).address).toMatchObject({ city: "Londinium" });
  });

  it("answers ADDRESS_NOT_FOUND for unknown or malformed ids", async () => {
    const me = await customer(h);
    for (const id of ["adr_unknown", "not an id \u0000"]) {
      expect((await me.update({ id, city: "X" })).userErrors).toEqual([
        { code: "ADDRESS_NOT_FOUND", field: ["input", "id"] },
      ]);
      expect((await me.setDefault(id)).userErrors).toEqual([{ code: "ADDRESS_NOT_FOUND", field: ["input", "id"] }]);
      expect((await me.remove(id)).userErrors).toEqual([{ code: "ADDRESS_NOT_FOUND" }]);
    }
  });

  it("moves the default, and keeps the old one when the new id is unknown", async () => {
    const me = await customer(h);
    const home = (await me.add(HOME)).address?.id as string;
    const work = (await me.add({ ...HOME, city: "Bath" })).address?.id as string;
    expect((await me.setDefault(work)).address).toMatchObject({ id: work, isDefault: true });
    expect((await me.book()).defaultAddress?.id).toBe(work);
    await me.setDefault("adr_unknown");
    expect((await me.book()).addresses.map((a) => [a.id, a.isDefault])).toEqual([
      [work, true],
      [home, false],
    ]);
  });

  it("hands the default to the oldest remaining address when the default is removed", async () => {
    const me = await customer(h);
    const home = (await me.add(HOME)).address?.id as string;
    const bath = (await me.add({ ...HOME, city: "Bath" })).address?.id as string;
    const york = (await me.add({ ...HOME, city: "York", isDefault: true })).address?.id as string;
    expect(await me.remove(york)).toEqual({ removedAddressId: york, userErrors: [] });
    expect((await me.book()).addresses.map((a) => [a.id, a.isDefault])).toEqual([
      [home, true],
      [bath, false],
    ]);
    await me.remove(home);
    await me.remove(bath);
    expect(await me.book()).toEqual({ addresses: [], defaultAddress: null });
  });

  it("keeps a single default when many defaults are set at once", async () => {
    const me = await customer(h);
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) ids.push((await me.add({ ...HOME, line1: `${i} Low St` })).address?.id as string);
    await Promise.all(ids.map((id) => me.setDefault(id)));
    expect((await me.book()).addresses.filter((a) => a.isDefault)).toHaveLength(1);
  });
});
