/** A minimal GraphQL Admin caller for the emulator's own tests (plain fetch, no Shopify SDK). */
export interface GraphQLResult {
  status: number;
  headers: Headers;
  json: GraphQLBody;
}

export interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: {
    message: string;
    extensions?: Record<string, unknown>;
    path?: (string | number)[];
  }[];
  extensions?: {
    cost?: {
      requestedQueryCost: number;
      actualQueryCost: number | null;
      throttleStatus: {
        maximumAvailable: number;
        currentlyAvailable: number;
        restoreRate: number;
      };
    };
  };
}

export function adminClient(graphqlUrl: string, token: string) {
  return async (
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<GraphQLResult> => {
    const response = await fetch(graphqlUrl, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-Shopify-Access-Token': token,
      },
      body: JSON.stringify({ query, variables }),
    });
    return {
      status: response.status,
      headers: response.headers,
      json: (await response.json()) as GraphQLBody,
    };
  };
}

/** Walks a dotted path into GraphQL data for terse assertions. */
export function pick(value: unknown, path: string): unknown {
  let current: unknown = value;
  for (const key of path.split('.')) {
    if (current === null || current === undefined) return undefined;
    if (Array.isArray(current))
      current = key === 'length' ? current.length : current[Number(key)];
    else if (typeof current === 'object')
      current = (current as Record<string, unknown>)[key];
    else return undefined;
  }
  return current;
}
