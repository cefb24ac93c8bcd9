/** A field value after normalisation (numbers for decimals, booleans for flags). */
export type FieldValue = string | number | boolean;

export type FieldValues = Record<string, FieldValue>;

/** A pass-through order that passed CIMcloud's own validation. */
export interface PassthroughOrder {
  order_number: string;
  header: FieldValues;
  customer: FieldValues;
  shipping_address: FieldValues;
  details: FieldValues[];
}

/** One problem found in a posted record; `field` is the pass-through path. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** Reads a value by pass-through path (`customer.name`, `po_number`); lines are read per line. */
export function readField(order: PassthroughOrder, path: string, line?: FieldValues): FieldValue | undefined {
  if (path.startsWith('details[].')) return line?.[path.slice('details[].'.length)];
  if (path.startsWith('customer.')) return order.customer[path.slice('customer.'.length)];
  if (path.startsWith('shipping_address.')) return order.shipping_address[path.slice('shipping_address.'.length)];
  if (path === 'order_number') return order.order_number;
  return order.header[path];
}

/** The order as JSON again, for echoing it back on the assumed reads. */
export function orderToJson(order: PassthroughOrder): Record<string, unknown> {
  return {
    order_number: order.order_number,
    ...order.header,
    customer: order.customer,
    shipping_address: order.shipping_address,
    details: order.details,
  };
}
