/** The order shape the connector hands to the sync engine (Shopify's names, plain data). */
export interface ShopifyMoney {
  amount: string;
  currencyCode: string;
}

export interface ShopifyAddress {
  name: string | null;
  company: string | null;
  address1: string | null;
  address2: string | null;
  city: string | null;
  provinceCode: string | null;
  zip: string | null;
  countryCodeV2: string | null;
  phone: string | null;
}

export interface ShopifyLineItem {
  id: string;
  sku: string | null;
  name: string;
  quantity: number;
  currentQuantity: number;
  variantId: string | null;
  unitPrice: string;
  discountedUnitPrice: string;
}

export interface ShopifyOrder {
  id: string;
  legacyResourceId: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  cancelledAt: string | null;
  closed: boolean;
  email: string | null;
  phone: string | null;
  note: string | null;
  poNumber: string | null;
  tags: string[];
  customAttributes: { key: string; value: string | null }[];
  currencyCode: string;
  displayFinancialStatus: string | null;
  displayFulfillmentStatus: string;
  totalPrice: ShopifyMoney;
  subtotalPrice: ShopifyMoney | null;
  totalTax: ShopifyMoney | null;
  totalShipping: ShopifyMoney;
  totalDiscounts: ShopifyMoney | null;
  customer: {
    id: string;
    email: string | null;
    firstName: string | null;
    lastName: string | null;
    phone: string | null;
  } | null;
  shippingAddress: ShopifyAddress | null;
  billingAddress: ShopifyAddress | null;
  shippingLines: { title: string; code: string | null; price: string }[];
  lineItems: ShopifyLineItem[];
}
