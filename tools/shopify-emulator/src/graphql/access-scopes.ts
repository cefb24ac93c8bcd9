import { GraphQLError } from 'graphql';

/** Ferry's full scope list; the default for a freshly installed app. */
export const ALL_SCOPES = [
  'read_orders',
  'read_all_orders',
  'read_customers',
  'read_products',
  'read_locations',
  'read_inventory',
  'write_inventory',
  'read_merchant_managed_fulfillment_orders',
  'write_merchant_managed_fulfillment_orders',
  'write_fulfillments',
  'read_fulfillments',
] as const;

/** A write scope implies the matching read scope. */
export function hasScope(
  granted: readonly string[],
  required: string,
): boolean {
  if (granted.includes(required)) return true;
  return (
    required.startsWith('read_') &&
    granted.includes(`write_${required.slice('read_'.length)}`)
  );
}

/** Throws Shopify's ACCESS_DENIED field error unless one of `anyOf` is granted. */
export function requireScope(
  granted: readonly string[],
  anyOf: readonly string[],
  fieldName: string,
): void {
  if (anyOf.some((scope) => hasScope(granted, scope))) return;
  const required = anyOf.map((s) => `\`${s}\``).join(' or ');
  throw new GraphQLError(
    `Access denied for ${fieldName} field. Required access: ${required} access scope.`,
    {
      extensions: {
        code: 'ACCESS_DENIED',
        documentation: 'https://shopify.dev/api/usage/access-scopes',
        requiredAccess: `${required} access scope.`,
      },
    },
  );
}
