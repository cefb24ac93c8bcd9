/**
 * A pass-through order as POSTed to `orderpassthrough/`. Its schema (fields, required
 * fields, ERP rules) is data owned by the shared contracts; the connector only needs the
 * order number, which is CIMcloud's user key for the update-on-repost rule.
 */
export interface PassthroughOrderPayload {
  order_number: string;
  [field: string]: unknown;
}
