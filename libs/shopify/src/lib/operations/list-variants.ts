import { ShopifyGraphqlClient } from '../client/shopify-graphql-client';

export interface VariantSku {
  id: string;
  /** Null or blank when the variant has no SKU. */
  sku: string | null;
  /** Product title and variant title, as Shopify shows them. */
  displayName: string;
}

const QUERY = `query FerryVariants($after: String) {
  productVariants(first: 250, after: $after) {
    pageInfo { hasNextPage endCursor }
    nodes { id sku displayName }
  }
}`;

interface Page {
  productVariants: {
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: VariantSku[];
  };
}

/** Every variant's SKU, a page (≤ 250) at a time, for the SKU match report. */
export async function* listVariants(client: ShopifyGraphqlClient): AsyncGenerator<VariantSku[]> {
  let after: string | null = null;
  do {
    const page: Page = await client.request<Page>(QUERY, { after });
    yield page.productVariants.nodes;
    after = page.productVariants.pageInfo.hasNextPage ? page.productVariants.pageInfo.endCursor : null;
  } while (after);
}
