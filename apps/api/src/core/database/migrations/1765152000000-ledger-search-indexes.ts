import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes of the orders monitor at 100,000+ ledger rows per tenant (issue 8, see
 * docs/benchmarks.md "Orders monitor"). Every index leads with tenant_id, so one tenant's
 * queries never walk another tenant's entries.
 *
 * Under FORCEd row-level security PostgreSQL uses an index only for conditions built from
 * leakproof operators (=, <, >, ~>=~, starts_with on text/uuid/timestamptz); LIKE, ILIKE and
 * jsonb/array containment are not, so a GIN index over the source payload's SKUs would be
 * ignored by the application role. SKU search therefore reads a side table of
 * (tenant, SKU, order), kept up to date by a trigger from the stored source payload.
 */
export class LedgerSearchIndexes1765152000000 implements MigrationInterface {
  name = 'LedgerSearchIndexes1765152000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- The list's keyset order is (shopify_created_at desc, id desc): an index in exactly that
      -- order reads a page without sorting, and the cursor and the date range become index bounds.
      create index pass_through_orders_listed on pass_through_orders (tenant_id, shopify_created_at desc, id desc);
      drop index pass_through_orders_status;
      create index pass_through_orders_status on pass_through_orders (tenant_id, status, shopify_created_at desc, id desc);
      -- Exact and prefix search by order name (starts_with is leakproof; text_pattern_ops gives it a range).
      drop index pass_through_orders_name;
      create index pass_through_orders_name on pass_through_orders (tenant_id, shopify_order_name text_pattern_ops);
      -- Search by CIMcloud order number, and the shipments flow's order lookup.
      create index pass_through_orders_order_number on pass_through_orders (tenant_id, order_number);
      -- Orders with an unsettled error of a category (the list's error-category filter).
      create index record_errors_unsettled_category on record_errors (tenant_id, flow, category) where state in ('open', 'retrying');
      -- An order's shipments (its journey).
      create index shipment_pushes_order_number on shipment_pushes (tenant_id, order_number);

      create table pass_through_order_skus (
        tenant_id uuid not null references tenants(id) on delete cascade,
        sku text not null,
        order_id uuid not null references pass_through_orders(id) on delete cascade,
        primary key (tenant_id, sku, order_id)
      );
      create index pass_through_order_skus_order on pass_through_order_skus (order_id);

      create function ferry_index_order_skus() returns trigger language plpgsql as $$
      begin
        if tg_op = 'UPDATE' then
          if new.source_payload is not distinct from old.source_payload then
            return null;
          end if;
          delete from pass_through_order_skus where tenant_id = new.tenant_id and order_id = new.id;
        end if;
        insert into pass_through_order_skus (tenant_id, sku, order_id)
          select distinct new.tenant_id, line ->> 'sku', new.id
            from jsonb_array_elements(case when jsonb_typeof(new.source_payload -> 'lineItems' -> 'nodes') = 'array'
                                           then new.source_payload -> 'lineItems' -> 'nodes' else '[]'::jsonb end) line
           where coalesce(line ->> 'sku', '') <> '';
        return null;
      end $$;
      create trigger pass_through_orders_index_skus after insert or update of source_payload on pass_through_orders
        for each row execute function ferry_index_order_skus();

      -- The backfill reads every tenant's orders: FORCE would hide them from an owner that is not a superuser.
      alter table pass_through_orders no force row level security;
      insert into pass_through_order_skus (tenant_id, sku, order_id)
        select distinct o.tenant_id, line ->> 'sku', o.id
          from pass_through_orders o
          cross join lateral jsonb_array_elements(case when jsonb_typeof(o.source_payload -> 'lineItems' -> 'nodes') = 'array'
                                                       then o.source_payload -> 'lineItems' -> 'nodes' else '[]'::jsonb end) line
         where coalesce(line ->> 'sku', '') <> '';
      alter table pass_through_orders force row level security;

      alter table pass_through_order_skus enable row level security;
      alter table pass_through_order_skus force row level security;
      create policy tenant_isolation on pass_through_order_skus
        using (tenant_id = ferry_current_tenant()) with check (tenant_id = ferry_current_tenant());
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop trigger pass_through_orders_index_skus on pass_through_orders;
      drop function ferry_index_order_skus();
      drop table pass_through_order_skus;
      drop index shipment_pushes_order_number, record_errors_unsettled_category, pass_through_orders_order_number,
        pass_through_orders_name, pass_through_orders_status, pass_through_orders_listed;
      create index pass_through_orders_status on pass_through_orders (tenant_id, status);
      create index pass_through_orders_name on pass_through_orders (tenant_id, shopify_order_name);
    `);
  }
}
