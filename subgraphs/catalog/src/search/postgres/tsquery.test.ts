import { describe, expect, it } from "vitest";
import { exactQuery, fuzzyQuery } from "./tsquery";

const words = [
  { lexeme: "wireless", corrections: [], prefix: false },
  { lexeme: "haedphones", corrections: ["headphones", "headphone"], prefix: true },
];

describe("tsquery text", () => {
  it("requires every word, the last also as a beginning, each satisfied by any correction", () => {
    expect(exactQuery(words)).toBe("'wireless' & 'haedphones':*");
    expect(fuzzyQuery(words)).toBe("'wireless' & ('haedphones':* | 'headphones' | 'headphone')");
  });

  it("can restrict every word to one weight", () => {
    expect(fuzzyQuery(words, "A")).toBe("'wireless':A & ('haedphones':*A | 'headphones':A | 'headphone':A)");
  });

  it("quotes lexemes so no text can change the query's structure", () => {
    expect(exactQuery([{ lexeme: "it's\\ & !x", corrections: [], prefix: false }])).toBe("'it''s\\\\ & !x'");
  });
});
