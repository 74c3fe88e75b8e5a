/** Review phrases by star rating (index 0 = 1 star). `{noun}` is replaced by the product's kind. */
export const REVIEW_TITLES: string[][] = [
  ["Very disappointed", "Broke within a week", "Not as described", "Would not buy again"],
  ["Not great", "Expected more", "Mediocre {noun}", "Returned it"],
  ["It's okay", "Does the job", "Average {noun}", "Fine for the price"],
  ["Really good", "Happy with it", "Solid {noun}", "Good value"],
  ["Love it!", "Best {noun} I've owned", "Exceeded expectations", "Perfect", "Highly recommend"],
];

export const REVIEW_OPENERS: string[][] = [
  ["Sadly this {noun} stopped working almost immediately.", "The quality is far below what the photos suggest."],
  ["The {noun} works, but the finish feels cheap.", "Shipping was quick, but the product itself let me down."],
  ["This {noun} is fine for everyday use.", "Nothing special, nothing wrong either."],
  ["Really pleased with this {noun}.", "Good quality for the price and it arrived quickly."],
  ["I use this {noun} every single day.", "Absolutely love it, exactly what I was looking for."],
];

export const REVIEW_DETAILS = [
  "Packaging was minimal and recyclable.",
  "The seller answered my question within a day.",
  "Colour matches the pictures.",
  "Bought a second one as a gift.",
  "Sizing runs a little small.",
  "Setup took less than five minutes.",
  "Took a few days to get used to it.",
  "It arrived earlier than the estimate.",
  "My partner has already borrowed it twice.",
  "",
];
