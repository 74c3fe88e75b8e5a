import { buildSchema, type GraphQLSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType } from "graphql";
import { compatibility } from "./breaking";

/** Every element of a schema by coordinate (`Type`, `Type.field`, `Type.field(arg:)`, `Enum.VALUE`) → deprecation reason or null. */
function elements(schema: GraphQLSchema): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith("__") || ["String", "Int", "Float", "Boolean", "ID"].includes(type.name)) continue;
    out.set(type.name, null);
    if (isEnumType(type))
      for (const value of type.getValues()) out.set(`${type.name}.${value.name}`, value.deprecationReason ?? null);
    if (!(isObjectType(type) || isInterfaceType(type) || isInputObjectType(type))) continue;
    for (const field of Object.values(type.getFields())) {
      const coordinate = `${type.name}.${field.name}`;
      out.set(coordinate, field.deprecationReason ?? null);
      if ("args" in field)
        for (const arg of field.args) out.set(`${coordinate}(${arg.name}:)`, arg.deprecationReason ?? null);
    }
  }
  return out;
}

/** `T.f(a:)` → `T.f`, `T.f` → `T`, `T` → undefined. */
const parentOf = (coordinate: string) =>
  coordinate.includes("(")
    ? coordinate.slice(0, coordinate.indexOf("("))
    : coordinate.includes(".")
      ? coordinate.slice(0, coordinate.indexOf("."))
      : undefined;

/** Drops coordinates whose type or field is in the list too: a new type lists as one line. */
function outermost(coordinates: string[]): string[] {
  const set = new Set(coordinates);
  return coordinates.filter((c) => {
    for (let parent = parentOf(c); parent !== undefined; parent = parentOf(parent)) if (set.has(parent)) return false;
    return true;
  });
}

export interface SchemaDelta {
  added: string[];
  deprecated: { coordinate: string; reason: string }[];
  removed: string[];
  /** Incompatible or risky changes to elements that stayed (type changes, new required arguments…). */
  changed: string[];
}

/** What changed between two versions of a schema, in the terms a changelog reader cares about. */
export function schemaDelta(beforeSdl: string, afterSdl: string): SchemaDelta {
  const before = elements(buildSchema(beforeSdl));
  const after = elements(buildSchema(afterSdl));
  const report = compatibility(beforeSdl, afterSdl);
  const removal = /was removed\.$|was removed from enum type/;
  return {
    added: outermost([...after.keys()].filter((c) => !before.has(c))),
    removed: outermost([...before.keys()].filter((c) => !after.has(c))),
    deprecated: [...after]
      .filter(([c, reason]) => reason !== null && before.has(c) && before.get(c) === null)
      .map(([coordinate, reason]) => ({ coordinate, reason: reason as string })),
    changed: [...report.failures, ...report.retired, ...report.dangerous]
      .map((c) => c.description)
      .filter((d) => !removal.test(d) && !/was added/.test(d)),
  };
}

const isEmpty = (d: SchemaDelta) => !d.added.length && !d.deprecated.length && !d.removed.length && !d.changed.length;
const code = (items: string[]) => items.map((item) => `\`${item}\``).join(", ");

function section(title: string, delta: SchemaDelta | "first"): string[] {
  if (delta === "first") return [`### ${title}`, "", "- First published.", ""];
  const lines = [`### ${title}`, ""];
  if (delta.added.length) lines.push(`- Added: ${code(delta.added)}`);
  for (const { coordinate, reason } of delta.deprecated) lines.push(`- Deprecated: \`${coordinate}\` — ${reason}`);
  if (delta.removed.length) lines.push(`- Removed: ${code(delta.removed)}`);
  for (const change of delta.changed) lines.push(`- Changed: ${change}`);
  if (isEmpty(delta)) lines.push("- Descriptions or order only.");
  return [...lines, ""];
}

export interface PublishedSchemas {
  api: string;
  partner: string;
}

export const CHANGELOG_HEADER = `# Schema changelog

What changed in the published client API (\`schema/api.graphql\`) and the partner contract
(\`schema/partner.graphql\`), newest first. \`npm run schema:compose\` adds an entry whenever either
changes; removals are allowed only after a release that deprecated the element.
`;

/**
 * The changelog entry for going from `previous` (the files as they were before this compose; a
 * missing one is "first published") to `next`; undefined when neither schema changed.
 */
export function changelogEntry(
  date: string,
  previous: Partial<PublishedSchemas>,
  next: PublishedSchemas,
): string | undefined {
  const sections: string[] = [];
  for (const [key, title] of [
    ["api", "API (`schema/api.graphql`)"],
    ["partner", "Partner contract (`schema/partner.graphql`)"],
  ] as const) {
    const before = previous[key];
    if (before === next[key]) continue;
    sections.push(...section(title, before === undefined ? "first" : schemaDelta(before, next[key])));
  }
  return sections.length === 0 ? undefined : [`## ${date}`, "", ...sections].join("\n");
}

/** Inserts an entry below the header (creating the file's header when there is none). */
export function addChangelogEntry(existing: string | undefined, entry: string): string {
  const base = existing?.trim() ? existing : CHANGELOG_HEADER;
  const at = base.search(/^## /m);
  const head = (at === -1 ? base : base.slice(0, at)).trimEnd();
  const rest = at === -1 ? "" : base.slice(at);
  return `${head}\n\n${entry.trimEnd()}\n${rest ? `\n${rest.trimEnd()}\n` : ""}`;
}
