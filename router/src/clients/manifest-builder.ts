import { readdir, readFile } from "node:fs/promises";
import { extname, join } from "node:path";
import {
  type DefinitionNode,
  type FragmentDefinitionNode,
  Kind,
  type OperationDefinitionNode,
  parse,
  print,
  type SelectionSetNode,
  visit,
} from "graphql";
import type { Manifest } from "./persisted-manifest";
import { sha256Hex } from "./partner-keys";

export interface SourceFile {
  path: string;
  text: string;
}

const EXTENSIONS = new Set([".graphql", ".gql", ".ts", ".tsx"]);
/** gql`…`, graphql`…` and graphql(`…`) (the gql.tada / codegen client preset form). */
const TAGGED = /\b(?:gql|graphql)\s*(?:\(\s*)?`((?:[^`\\]|\\.)*)`/g;
/** `${FRAGMENT}` interpolations: fragments are found by name among all collected documents. */
const INTERPOLATION = /\$\{[^}]*\}/g;

/** The GraphQL documents in one file: the whole file for .graphql, tagged templates for .ts/.tsx. */
export function documentsIn(file: SourceFile): string[] {
  if (file.path.endsWith(".graphql") || file.path.endsWith(".gql")) return file.text.trim() ? [file.text] : [];
  return [...file.text.matchAll(TAGGED)].map((match) => (match[1] ?? "").replace(INTERPOLATION, ""));
}

/** Every .graphql/.gql/.ts/.tsx file under `dir` (skipping node_modules and .d.ts); none when it is missing. */
export async function readClientSources(dir: string): Promise<SourceFile[]> {
  let entries: string[];
  try {
    entries = await readdir(dir, { recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const paths = entries
    .filter((entry) => EXTENSIONS.has(extname(entry)) && !entry.endsWith(".d.ts") && !entry.includes("node_modules"))
    .sort();
  return Promise.all(paths.map(async (path) => ({ path, text: await readFile(join(dir, path), "utf8") })));
}

/** Apollo Client's default document transform: `__typename` in every selection set below the root. */
function withTypename<T extends DefinitionNode>(definition: T): T {
  return visit(definition, {
    SelectionSet(node: SelectionSetNode, _key, parent) {
      if (parent && !Array.isArray(parent) && (parent as { kind?: string }).kind === Kind.OPERATION_DEFINITION) return;
      const has = node.selections.some((s) => s.kind === Kind.FIELD && (s.alias ?? s.name).value === "__typename");
      if (has) return;
      return {
        ...node,
        selections: [...node.selections, { kind: Kind.FIELD, name: { kind: Kind.NAME, value: "__typename" } }],
      };
    },
  });
}

function usedFragments(operation: OperationDefinitionNode, fragments: Map<string, FragmentDefinitionNode>) {
  const used = new Map<string, FragmentDefinitionNode>();
  const visitSpreads = (node: DefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        const fragment = fragments.get(spread.name.value);
        if (!fragment)
          throw new Error(`Operation ${operation.name?.value} spreads unknown fragment ${spread.name.value}`);
        if (used.has(spread.name.value)) return;
        used.set(spread.name.value, fragment);
        visitSpreads(fragment);
      },
    });
  visitSpreads(operation);
  return [...used.values()].sort((a, b) => a.name.value.localeCompare(b.name.value));
}

/**
 * Builds the persisted-operation manifest from client sources: one entry per named operation,
 * whose body is the operation followed by the fragments it uses (by name), printed by graphql-js,
 * with `__typename` added as Apollo Client adds it (`addTypename: false` for clients that do not).
 * The client must send exactly this body or its id (e.g. Apollo Client's persisted-query link
 * with ids from this manifest).
 */
export function buildManifest(files: SourceFile[], options: { addTypename?: boolean } = {}): Manifest {
  const operations: { operation: OperationDefinitionNode; path: string }[] = [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const file of files) {
    for (const text of documentsIn(file)) {
      let document: ReturnType<typeof parse>;
      try {
        document = parse(text);
      } catch (error) {
        throw new Error(`${file.path}: ${(error as Error).message}`);
      }
      for (const definition of document.definitions) {
        if (definition.kind === Kind.FRAGMENT_DEFINITION) {
          const existing = fragments.get(definition.name.value);
          if (existing && print(existing) !== print(definition))
            throw new Error(`${file.path}: fragment ${definition.name.value} is defined twice, differently`);
          fragments.set(definition.name.value, definition);
        } else if (definition.kind === Kind.OPERATION_DEFINITION) {
          if (!definition.name) throw new Error(`${file.path}: every persisted operation needs a name`);
          operations.push({ operation: definition, path: file.path });
        }
      }
    }
  }
  const names = new Set<string>();
  const entries = operations.map(({ operation, path }) => {
    const name = operation.name?.value ?? "";
    if (names.has(name)) throw new Error(`${path}: operation name ${name} is used twice`);
    names.add(name);
    const definitions: DefinitionNode[] = [operation, ...usedFragments(operation, fragments)];
    const body = print({
      kind: Kind.DOCUMENT,
      definitions: options.addTypename === false ? definitions : definitions.map(withTypename),
    });
    return { id: sha256Hex(body), name, type: operation.operation, body };
  });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  return { format: "apollo-persisted-query-manifest", version: 1, operations: entries };
}
