import type { graphqlClient } from "@bazaar/testing";

export type Representation = { __typename: string; id: string };

export const representations = (typename: string, ids: readonly string[]): Representation[] =>
  ids.map((id) => ({ __typename: typename, id }));

/**
 * Asks a subgraph for `_entities` the way the router does and returns them typed as the test's
 * selection; any GraphQL error fails the test with its message.
 */
export function entitiesClient(gql: ReturnType<typeof graphqlClient>) {
  return async <T>(selection: string, reps: Representation[]): Promise<(T | null)[]> => {
    const res = await gql<{ _entities: (T | null)[] }>(
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ${selection} } }`,
      { reps },
    );
    if (res.body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(res.body.errors)}`);
    return res.body.data?._entities ?? [];
  };
}
