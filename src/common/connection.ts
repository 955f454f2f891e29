/** What every list field returns: Relay edges (plus `nodes`), pageInfo and a lazy totalCount. */
export interface ConnectionResult<E extends { cursor: string; node: unknown }> {
  edges: E[];
  nodes: E['node'][];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  readonly totalCount: Promise<number>;
}

/**
 * Builds a connection from a page's edges. `count` runs at most once, and only
 * if the client selects totalCount (it is read through a getter): counting
 * every match is a statement of its own.
 */
export function buildConnection<E extends { cursor: string; node: unknown }>(
  edges: E[],
  page: { hasNextPage: boolean; hasPreviousPage: boolean },
  count: () => Promise<number>,
): ConnectionResult<E> {
  let total: Promise<number> | undefined;
  return {
    edges,
    nodes: edges.map((e) => e.node),
    pageInfo: { ...page, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
    get totalCount() {
      return (total ??= count());
    },
  };
}
