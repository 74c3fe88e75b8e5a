import { randomBytes } from "node:crypto";

const BASE_MAX = 80;

/** A URL-safe slug from a title: "Café Lamp (Black)" → "cafe-lamp-black"; "product" if nothing is left. */
export function slugify(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, BASE_MAX)
    .replace(/^-+|-+$/g, "");
  return slug || "product";
}

/** The slug with a short random suffix, for when the plain one is taken. */
export const suffixed = (slug: string) => `${slug}-${randomBytes(3).toString("hex")}`;
