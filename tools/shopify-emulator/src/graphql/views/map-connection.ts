import { Connection } from '../connection';
import { GraphQLSource } from '../request-context';

/** Re-maps the nodes of a connection into views, keeping cursors and pageInfo. */
export function mapConnection<T>(
  page: Connection<T>,
  view: (item: T) => GraphQLSource | null,
): GraphQLSource {
  const edges = page.edges.map((e) => ({
    cursor: e.cursor,
    node: view(e.node),
  }));
  return { edges, nodes: edges.map((e) => e.node), pageInfo: page.pageInfo };
}
