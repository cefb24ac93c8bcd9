/**
 * Turns a bulk query's nested result into Shopify's JSONL shape: every connection node
 * is its own line; nodes of nested connections carry `__parentId` and are removed from
 * their parent.
 */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(value: unknown): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function connectionNodes(value: unknown): Record<string, Json>[] | null {
  if (!isObject(value)) return null;
  const edges = value['edges'];
  if (Array.isArray(edges)) {
    return edges
      .map((e) => (isObject(e) && isObject(e['node']) ? e['node'] : null))
      .filter(isObject);
  }
  const nodes = value['nodes'];
  if (Array.isArray(nodes)) return nodes.filter(isObject);
  return null;
}

function emitNode(
  node: Record<string, Json>,
  parentId: string | null,
  lines: string[],
): void {
  const copy: Record<string, Json> = {};
  const children: Record<string, Json>[][] = [];
  for (const [key, value] of Object.entries(node)) {
    const nested = connectionNodes(value);
    if (nested) children.push(nested);
    else copy[key] = value;
  }
  if (parentId !== null) copy['__parentId'] = parentId;
  lines.push(JSON.stringify(copy));
  const id = typeof node['id'] === 'string' ? node['id'] : null;
  for (const list of children)
    for (const child of list) emitNode(child, id, lines);
}

export function flattenToJsonl(data: Record<string, unknown>): {
  jsonl: string;
  objectCount: number;
  rootObjectCount: number;
} {
  const lines: string[] = [];
  let rootObjectCount = 0;
  for (const value of Object.values(data)) {
    const nodes = connectionNodes(value);
    if (!nodes) continue;
    rootObjectCount += nodes.length;
    for (const node of nodes) emitNode(node, null, lines);
  }
  return {
    jsonl: lines.length ? `${lines.join('\n')}\n` : '',
    objectCount: lines.length,
    rootObjectCount,
  };
}
