import "reflect-metadata";
import { type ClassType, Directive, Field, Int, ObjectType } from "type-graphql";
import { badUserInput } from "./errors";

/** A value that is either known already or computed only when a client selects it. */
export type Lazy<T> = T | (() => Promise<T>);

/**
 * A thenable that starts `compute` only when awaited. graphql-js awaits promise-like field values,
 * so a count nobody selected never reaches the database.
 */
export function deferred<T>(compute: () => Promise<T>): PromiseLike<T> {
  let started: Promise<T> | undefined;
  return {
    // biome-ignore lint/suspicious/noThenProperty: being awaitable is the point of this object.
    then(onFulfilled, onRejected) {
      started ??= compute();
      return started.then(onFulfilled, onRejected);
    },
  };
}

@Directive("@shareable")
@ObjectType({ description: "Relay page information." })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => Boolean)
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  /** Deferred: counted only when a client selects it. */
  totalCount: number | PromiseLike<number>;
}

/**
 * Declares `<Name>Connection` and `<Name>Edge` for a node type. Call once per node type,
 * at module level, and name connections per subgraph so two subgraphs never declare
 * the same type with different nodes.
 */
export function connectionType<T extends object>(nodeType: ClassType<T>, name: string): ClassType<Connection<T>> {
  @Directive("@shareable")
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field(() => String, { description: "Opaque cursor; pass it as `after` to continue after this edge." })
    cursor!: string;

    @Field(() => nodeType)
    node!: T;
  }

  @Directive("@shareable")
  @ObjectType(`${name}Connection`)
  class ConnectionType {
    @Field(() => [EdgeType])
    edges!: EdgeType[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: "Number of items across all pages." })
    totalCount!: number;
  }
  return ConnectionType as unknown as ClassType<Connection<T>>;
}

export type CursorValue = string | number | boolean | null;

export function encodeCursor(values: CursorValue[]): string {
  return Buffer.from(JSON.stringify(values), "utf8").toString("base64url");
}

/** Decodes a cursor made by `encodeCursor`; anything else is the client's mistake. */
export function decodeCursor(cursor: string, expectedLength: number): CursorValue[] {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw badUserInput("Malformed cursor", "after");
  }
  const valid =
    Array.isArray(values) &&
    values.length === expectedLength &&
    values.every((v) => v === null || ["string", "number", "boolean"].includes(typeof v));
  if (!valid) throw badUserInput("Malformed cursor", "after");
  return values as CursorValue[];
}

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export interface PageRequest {
  first?: number | null | undefined;
  after?: string | null | undefined;
}

/** Validates `first` (1..100) and returns the limit to fetch (one extra row tells whether a next page exists). */
export function pageSize(request: PageRequest, max = MAX_PAGE_SIZE): number {
  const first = request.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > max) {
    throw badUserInput(`first must be between 1 and ${max}`, "first");
  }
  return first;
}

/**
 * Builds a connection from rows fetched with `limit = first + 1`.
 * `cursorOf` returns the sort-key values of a row, which must make the order total.
 */
export function toConnection<Row, T = Row>(
  rows: Row[],
  options: {
    first: number;
    after?: string | null | undefined;
    cursorOf: (row: Row) => CursorValue[];
    totalCount: Lazy<number>;
    toNode?: (row: Row) => T;
  },
): Connection<T> {
  const page = rows.slice(0, options.first);
  const edges = page.map((row) => ({
    cursor: encodeCursor(options.cursorOf(row)),
    node: options.toNode ? options.toNode(row) : (row as unknown as T),
  }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > options.first,
      hasPreviousPage: Boolean(options.after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: typeof options.totalCount === "function" ? deferred(options.totalCount) : options.totalCount,
  };
}
