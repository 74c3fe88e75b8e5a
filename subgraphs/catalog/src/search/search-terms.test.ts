import { describe, expect, it } from "vitest";
import { editDistance, isTypoOf, queryWords, typoBudget, typosBetween } from "./search-terms";

describe("queryWords", () => {
  it("splits on anything but letters and digits, lower-cased", () => {
    expect(queryWords("  USB-C Charger, 2-pack! Café ")).toEqual(["usb", "c", "charger", "2", "pack", "café"]);
    expect(queryWords("!!!")).toEqual([]);
  });
});

describe("typo budget", () => {
  it("is none below five letters, one from five, two from nine", () => {
    expect(["lamp", "lampe", "headphone", "headphones"].map(typoBudget)).toEqual([0, 1, 2, 2]);
  });
});

describe("editDistance", () => {
  it.each([
    ["speaker", "speaker", 0],
    ["spekaer", "speaker", 1],
    ["speakr", "speaker", 1],
    ["speakerr", "speaker", 1],
    ["spaeker", "speaker", 1],
    ["haedphnoes", "headphones", 2],
    ["bokshelff", "bookshelf", 2],
  ])("%s → %s is %i (a swap of neighbours is one edit)", (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
  });

  it("counts a wrong first letter twice, as Meilisearch does", () => {
    expect(typosBetween("jeadphones", "headphones")).toBe(2);
  });
});

describe("isTypoOf", () => {
  it("accepts corrections within the typed word's budget only", () => {
    expect(isTypoOf("spekaer", "speaker", false)).toBe(true);
    expect(isTypoOf("lmap", "lamp", false)).toBe(false);
    expect(isTypoOf("haedphnoes", "headphones", false)).toBe(true);
    expect(isTypoOf("hadphnoez", "headphones", false)).toBe(false);
  });

  it("reads a last word as the beginning of a word, not as a typo of what it begins", () => {
    expect(isTypoOf("haedphon", "headphones", true)).toBe(true);
    expect(isTypoOf("headph", "headphones", true)).toBe(false);
    expect(isTypoOf("haedphon", "headphones", false)).toBe(false);
  });
});
