/** Shopify SKUs against the ERP item master (DESIGN §2.3: SKUs must match). */
export interface SkuReport {
  generatedAt: string;
  counts: {
    shopifyVariants: number;
    erpItems: number;
    matched: number;
    shopifyOnly: number;
    erpOnly: number;
    duplicates: number;
    blanks: number;
  };
  /** SKUs in Shopify that the ERP item master lacks. */
  shopifyOnly: string[];
  /** ERP item codes no Shopify variant carries. */
  erpOnly: string[];
  /** SKUs carried by several Shopify variants: reported, never guessed. */
  duplicates: Array<{ sku: string; variants: number }>;
  /** Variants without a SKU. */
  blanks: Array<{ variantId: string; title: string }>;
}
