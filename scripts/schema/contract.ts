import {
  assertValidSchema,
  buildASTSchema,
  type ConstDirectiveNode,
  type DefinitionNode,
  type DirectiveNode,
  type DocumentNode,
  type FieldDefinitionNode,
  type InputValueDefinitionNode,
  isTypeDefinitionNode,
  isTypeExtensionNode,
  Kind,
  parse,
  printSchema,
  type TypeDefinitionNode,
  type TypeNode,
} from "graphql";

/** The tag that selects the partner contract (`@tag(name: "partner")` in subgraph schemas). */
export const PARTNER_TAG = "partner";

const ROOTS = new Set(["Query", "Mutation", "Subscription"]);

interface Tagging {
  /** Coordinates carrying the tag: `Type`, `Type.field`, `Type.field(arg:)`, `Enum.VALUE`, `Input.field`. */
  tagged: Set<string>;
  /** Types with a @key in some subgraph: several subgraphs add fields to them, private ones included. */
  entities: Set<string>;
}

const hasTag = (directives: readonly (ConstDirectiveNode | DirectiveNode)[] | undefined, tag: string) =>
  (directives ?? []).some(
    (d) =>
      d.name.value === "tag" &&
      d.arguments?.some((a) => a.name.value === "name" && a.value.kind === Kind.STRING && a.value.value === tag),
  );

/** Reads tags and entity keys from the supergraph, where composition keeps every subgraph's @tag. */
export function readTagging(supergraphSdl: string, tag: string): Tagging {
  const tagged = new Set<string>();
  const entities = new Set<string>();
  for (const def of parse(supergraphSdl).definitions) {
    if (!isTypeDefinitionNode(def) && !isTypeExtensionNode(def)) continue;
    const type = def.name.value;
    if (hasTag(def.directives, tag)) tagged.add(type);
    const keyed = (def.directives ?? []).some(
      (d) => d.name.value === "join__type" && d.arguments?.some((a) => a.name.value === "key"),
    );
    if (keyed) entities.add(type);
    if ("values" in def) {
      for (const value of def.values ?? [])
        if (hasTag(value.directives, tag)) tagged.add(`${type}.${value.name.value}`);
    }
    if (!("fields" in def)) continue;
    for (const field of (def.fields ?? []) as readonly (FieldDefinitionNode | InputValueDefinitionNode)[]) {
      const coordinate = `${type}.${field.name.value}`;
      if (hasTag(field.directives, tag)) tagged.add(coordinate);
      if (!("arguments" in field)) continue;
      for (const arg of field.arguments ?? []) {
        if (hasTag(arg.directives, tag)) tagged.add(`${coordinate}(${arg.name.value}:)`);
      }
    }
  }
  return { tagged, entities };
}

const namedType = (type: TypeNode): string => (type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type));
const isRequired = (value: InputValueDefinitionNode) => value.type.kind === Kind.NON_NULL_TYPE && !value.defaultValue;

/**
 * The partner contract of the client API schema: what `@tag(name: "partner")` selects, plus the
 * types that selection needs.
 *
 * - Root types and entities (types with @key, which several subgraphs extend) keep only tagged
 *   fields, and an entity must itself be tagged to be reachable from a kept field.
 * - Elsewhere tags opt in: among a value type's fields, a field's arguments, an input type's fields
 *   and an enum's values, only tagged ones stay once any of them is tagged; with none tagged, all stay
 *   (shared shapes such as connections, PageInfo and Money need no tags of their own).
 * - Types no kept field or argument reaches are dropped.
 * Inconsistent tagging (a kept field returning an untagged entity, a dropped required argument)
 * throws, listing every problem.
 */
export function partnerContract(apiSdl: string, supergraphSdl: string, tag = PARTNER_TAG): string {
  const { tagged, entities } = readTagging(supergraphSdl, tag);
  const api = parse(apiSdl);
  const types = new Map<string, TypeDefinitionNode>();
  const others: DefinitionNode[] = [];
  for (const def of api.definitions) {
    if ("name" in def && def.name && def.kind !== Kind.DIRECTIVE_DEFINITION)
      types.set(def.name.value, def as TypeDefinitionNode);
    else if (def.kind === Kind.DIRECTIVE_DEFINITION) others.push(def);
  }
  const problems: string[] = [];
  const optIn = <T>(items: readonly T[], coordinate: (item: T) => string) => {
    const chosen = items.filter((item) => tagged.has(coordinate(item)));
    return chosen.length > 0 ? chosen : [...items];
  };
  const args = (owner: string, field: FieldDefinitionNode) => {
    const all = field.arguments ?? [];
    const kept = optIn(all, (a) => `${owner}.${field.name.value}(${a.name.value}:)`);
    for (const arg of all) {
      if (!kept.includes(arg) && isRequired(arg))
        problems.push(`${owner}.${field.name.value}(${arg.name.value}:) is required but not tagged`);
    }
    return kept;
  };

  const kept = new Map<string, TypeDefinitionNode>();
  const queue: { name: string; from: string }[] = [...ROOTS]
    .filter((r) => types.has(r))
    .map((name) => ({ name, from: "schema" }));
  const visit = (name: string, from: string) => {
    if (!kept.has(name) && types.has(name)) queue.push({ name, from });
  };
  while (queue.length > 0) {
    const { name, from } = queue.shift() as { name: string; from: string };
    if (kept.has(name)) continue;
    const def = types.get(name) as TypeDefinitionNode;
    if (def.kind === Kind.OBJECT_TYPE_DEFINITION || def.kind === Kind.INTERFACE_TYPE_DEFINITION) {
      const strict = ROOTS.has(name) || entities.has(name);
      if (entities.has(name) && !tagged.has(name))
        problems.push(`${from} is tagged "${tag}" but returns ${name}, which is not`);
      const all = def.fields ?? [];
      const fields = strict
        ? all.filter((f) => tagged.has(`${name}.${f.name.value}`))
        : optIn(all, (f) => `${name}.${f.name.value}`);
      if (fields.length === 0) {
        if (!ROOTS.has(name)) problems.push(`${name} is reached from ${from} but has no field tagged "${tag}"`);
        continue;
      }
      const withArgs = fields.map((field) => ({ ...field, arguments: args(name, field) }));
      kept.set(name, { ...def, fields: withArgs, interfaces: def.interfaces } as TypeDefinitionNode);
      for (const field of withArgs) {
        visit(namedType(field.type), `${name}.${field.name.value}`);
        for (const arg of field.arguments)
          visit(namedType(arg.type), `${name}.${field.name.value}(${arg.name.value}:)`);
      }
      for (const iface of def.interfaces ?? []) visit(iface.name.value, name);
    } else if (def.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION) {
      const all = def.fields ?? [];
      const fields = optIn(all, (f) => `${name}.${f.name.value}`);
      for (const f of all)
        if (!fields.includes(f) && isRequired(f)) problems.push(`${name}.${f.name.value} is required but not tagged`);
      kept.set(name, { ...def, fields });
      for (const field of fields) visit(namedType(field.type), `${name}.${field.name.value}`);
    } else if (def.kind === Kind.ENUM_TYPE_DEFINITION) {
      kept.set(name, { ...def, values: optIn(def.values ?? [], (v) => `${name}.${v.name.value}`) });
    } else if (def.kind === Kind.UNION_TYPE_DEFINITION) {
      kept.set(name, def);
      for (const member of def.types ?? []) visit(member.name.value, name);
    } else {
      kept.set(name, def);
    }
  }
  if (problems.length > 0) throw new Error(`partner contract: ${[...new Set(problems)].join("; ")}`);

  // An interface a kept type implements but nothing reaches is dropped from its `implements`.
  const definitions = [...kept.values()].map((def) =>
    "interfaces" in def && def.interfaces
      ? ({ ...def, interfaces: def.interfaces.filter((i) => kept.has(i.name.value)) } as TypeDefinitionNode)
      : def,
  );
  const document: DocumentNode = { kind: Kind.DOCUMENT, definitions: [...others, ...definitions] };
  const schema = buildASTSchema(document);
  assertValidSchema(schema);
  return printSchema(schema);
}
