/** Shopify global ids: gid://shopify/{Type}/{numeric id}. */
export function toGid(type: string, id: number): string {
  return `gid://shopify/${type}/${id}`;
}

/** The numeric id of a GID of the given type, or null when it is malformed or another type. */
export function parseGid(gid: string, type: string): number | null {
  const match = /^gid:\/\/shopify\/([A-Za-z]+)\/(\d+)(\?.*)?$/.exec(gid);
  if (!match || match[1] !== type) return null;
  return Number(match[2]);
}
