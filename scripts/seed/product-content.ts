import type { ProductAttribute } from "@bazaar/drizzle/schema";
import { ADJECTIVES, BOOK_WORDS, type LeafSpec, MODELS } from "./catalog.vocabulary";
import type { Rng } from "./random";

export interface ProductContent {
  title: string;
  brand: string;
  /** What a review calls it, e.g. "smartwatch". */
  noun: string;
  description: string;
  attributes: ProductAttribute[];
}

/** Title, brand, copy and attributes of one product, drawn from its leaf's vocabulary. */
export function productContent(rng: Rng, spec: LeafSpec): ProductContent {
  const brand = rng.pick(spec.brands);
  const noun = rng.pick(spec.nouns);
  const title = spec.titled ? bookTitle(rng) : listingTitle(rng, brand, noun);
  const [first, second] = rng.sample(spec.features, 2);
  const description = spec.titled
    ? `${title} is a ${inSentence(noun)} with ${first} and ${second}. Published by ${brand}.`
    : `The ${title} brings ${first} and ${second} to your everyday routine. ` +
      `${rng.pick(CLOSERS)} Sold with a ${rng.pick(["30", "60", "90"])}-day return window.`;
  return { title, brand, noun: inSentence(noun), description, attributes: attributes(rng, spec, brand) };
}

/** "Wireless Earbuds" → "wireless earbuds", keeping "4K" and "USB-C" as they are. */
const inSentence = (noun: string) =>
  noun
    .split(" ")
    .map((word) => (/^[A-Z][a-z-]*$/.test(word) ? word.toLowerCase() : word))
    .join(" ");

const CLOSERS = [
  "Designed to be used daily and built to last.",
  "A customer favourite for gifting.",
  "Thoughtfully packaged in recycled materials.",
  "Backed by responsive customer support.",
  "Made in small batches with careful quality checks.",
];

function listingTitle(rng: Rng, brand: string, noun: string): string {
  const adjective = rng.chance(0.55) ? `${rng.pick(ADJECTIVES)} ` : "";
  return `${brand} ${adjective}${noun}${rng.pick(MODELS)}`;
}

function bookTitle(rng: Rng): string {
  const { openers, adjectives, nouns } = BOOK_WORDS;
  return `${rng.pick(openers)} ${rng.pick(adjectives)} ${rng.pick(nouns)}`;
}

function attributes(rng: Rng, spec: LeafSpec, brand: string): ProductAttribute[] {
  if (spec.titled) {
    return [
      { key: "Publisher", value: brand },
      { key: "Pages", value: String(rng.int(32, 640)) },
      { key: "Language", value: rng.chance(0.9) ? "English" : rng.pick(["Spanish", "French"]) },
    ];
  }
  const list: ProductAttribute[] = [{ key: "Brand", value: brand }];
  for (const [key, values] of Object.entries(spec.attributes ?? {})) list.push({ key, value: rng.pick(values) });
  return list;
}
