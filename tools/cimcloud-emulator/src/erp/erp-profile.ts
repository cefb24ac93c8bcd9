/** Which master list a field's value must be found in. */
export type ErpLookup = 'customer' | 'item' | 'warehouse' | 'shipVia' | 'termsCode' | 'taxSchedule';

/**
 * One ERP field rule. `source` is the pass-through path the value comes from:
 * `order_number`-style header names, `customer.x`, `shipping_address.x`, or `details[].x`
 * for every line.
 */
export interface ErpFieldRule {
  erpField: string;
  source: string;
  required?: boolean;
  maxLength?: number;
  /** Regular expression source the whole value must match. */
  pattern?: string;
  patternText?: string;
  upperCase?: boolean;
  /** Codes accepted for import. */
  allowed?: readonly string[];
  /** Codes the ERP knows but does not accept through an import. */
  notImported?: readonly string[];
  /** Numeric value must be greater than zero. */
  positive?: boolean;
  /** Required when another field has this value, and refused otherwise. */
  requiredWhen?: { source: string; equals: string };
  lookup?: ErpLookup;
}

/** Error texts, with {field}, {value}, {max}, {allowed}, {pattern}, {other}, {equals} slots. */
export interface ErpMessages {
  required: string;
  maxLength: string;
  pattern: string;
  upperCase: string;
  notAllowed: string;
  notImported: string;
  positive: string;
  requiredWhen: string;
  forbiddenUnless: string;
  notOnFile: string;
  duplicateSalesOrder: string;
  linePrefix: string;
}

/** An ERP's import rules as data, so other ERPs (Sage 300, Acumatica) can get their own. */
export interface ErpProfile {
  name: string;
  salesOrderNoLength: number;
  invoiceNoLength: number;
  trackingIdMaxLength: number;
  /** Warehouse used when neither the order nor the customer names one. */
  defaultWarehouse: string;
  /** Pass-through path that, when given, becomes the ERP's sales order number. */
  salesOrderNoSource: string;
  rules: readonly ErpFieldRule[];
  messages: ErpMessages;
}
