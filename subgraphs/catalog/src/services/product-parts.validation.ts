import type { ProductAttribute, ProductImage, ProductOption } from "@bazaar/drizzle/schema";
import { boundedText, type Errors, lengthOf, path, userError } from "@bazaar/subgraph-kit";
import type { ProductFieldsInput } from "./product-input.validation";

const URL_MAX = 2048;
const MAX_IMAGES = 20;
const MAX_ATTRIBUTES = 50;
export const MAX_OPTIONS = 3;
const MAX_OPTION_VALUES = 100;

/** Images, attributes and options: lists inside a product, each entry checked at its own path. */
export function imagesRule(errors: Errors, raw: ProductFieldsInput["images"]): ProductImage[] {
  const images = raw ?? [];
  if (images.length > MAX_IMAGES) errors.push(userError("TOO_MANY_IMAGES", `At most ${MAX_IMAGES} images`, path("images")));
  return images.map((image, i) => {
    const url = image.url.trim();
    if (lengthOf(url) > URL_MAX || !URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
      errors.push(userError("INVALID_URL", "Image URL must be an http(s) URL", path("images", i, "url")));
    }
    const alt = boundedText(errors, "alt", image.alt, 200, { optional: true, at: ["images", i, "alt"] }) ?? "";
    return { url, alt };
  });
}

export function attributesRule(errors: Errors, raw: ProductFieldsInput["attributes"]): ProductAttribute[] {
  const attributes = raw ?? [];
  if (attributes.length > MAX_ATTRIBUTES) {
    errors.push(userError("TOO_MANY_ATTRIBUTES", `At most ${MAX_ATTRIBUTES} attributes`, path("attributes")));
  }
  const seen = new Set<string>();
  return attributes.map((attribute, i) => {
    const key = boundedText(errors, "key", attribute.key, 100, { label: "Attribute key", at: ["attributes", i, "key"] });
    const value = boundedText(errors, "value", attribute.value, 500, {
      label: "Attribute value",
      at: ["attributes", i, "value"],
    });
    const pair = JSON.stringify([key, value]);
    if (seen.has(pair)) errors.push(userError("DUPLICATE_ATTRIBUTE", "This attribute is listed twice", path("attributes", i)));
    seen.add(pair);
    return { key: key ?? "", value: value ?? "" };
  });
}

export function optionsRule(errors: Errors, raw: ProductFieldsInput["options"]): ProductOption[] {
  const options = raw ?? [];
  if (options.length > MAX_OPTIONS) errors.push(userError("TOO_MANY_OPTIONS", `At most ${MAX_OPTIONS} options`, path("options")));
  const names = new Set<string>();
  return options.map((option, i) => {
    const name = boundedText(errors, "name", option.name, 50, { label: "Option name", at: ["options", i, "name"] }) ?? "";
    if (names.has(name.toLowerCase())) {
      errors.push(userError("DUPLICATE_OPTION", `Option ${name} is listed twice`, path("options", i, "name")));
    }
    names.add(name.toLowerCase());
    if (option.values.length === 0) {
      errors.push(userError("REQUIRED", "An option needs at least one value", path("options", i, "values")));
    } else if (option.values.length > MAX_OPTION_VALUES) {
      errors.push(userError("TOO_MANY_OPTION_VALUES", `At most ${MAX_OPTION_VALUES} values`, path("options", i, "values")));
    }
    const values: string[] = [];
    option.values.forEach((raw, j) => {
      const at = ["options", i, "values", j];
      const value = boundedText(errors, "value", raw, 50, { label: "Option value", at }) ?? "";
      if (values.includes(value)) errors.push(userError("DUPLICATE_OPTION_VALUE", `${value} is listed twice`, path(...at)));
      values.push(value);
    });
    return { name, values };
  });
}
