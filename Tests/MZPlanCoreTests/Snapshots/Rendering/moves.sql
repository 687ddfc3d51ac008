-- mzplan plan sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
-- 3 moves, 1 cluster to create, 1 cluster to alter, 2 warnings, 12 unlisted, 4 unchanged
-- Run with `mzplan apply`, which also performs the waits noted below.

-- step 1 (prepare): create-cluster serving
CREATE CLUSTER "serving" (SIZE = '100cc', REPLICATION FACTOR = 1);

-- step 2 (prepare): alter-cluster transform
ALTER CLUSTER "transform" SET (SIZE = '100cc', REPLICATION FACTOR = 2);

-- step 3 (hydrate, after 2): create-replacement materialize.public.orders_enriched_mzplan_u12 (moving materialize.public.orders_enriched)
CREATE REPLACEMENT MATERIALIZED VIEW "materialize"."public"."orders_enriched_mzplan_u12" FOR "materialize"."public"."orders_enriched" IN CLUSTER "transform" AS
    SELECT o.id, o.customer_id, o.amount * 2 AS doubled
    FROM "materialize"."public"."orders" AS o;
-- wait until ready: materialize.public.orders_enriched_mzplan_u12 (stands in for materialize.public.orders_enriched)

-- step 4 (cutover, after 3): apply-replacement materialize.public.orders_enriched
ALTER MATERIALIZED VIEW "materialize"."public"."orders_enriched" APPLY REPLACEMENT "materialize"."public"."orders_enriched_mzplan_u12";

-- step 5 (hydrate, after 1): create-index materialize.public.orders_by_customer_mzplan_u20 (moving materialize.public.orders_by_customer)
CREATE INDEX "orders_by_customer_mzplan_u20" IN CLUSTER "serving" ON "materialize"."public"."orders" ("customer_id");
-- wait until ready: materialize.public.orders_by_customer_mzplan_u20 (stands in for materialize.public.orders_by_customer)

-- step 6 (cutover, after 5, 9): drop-index materialize.public.orders_by_customer
DROP INDEX "materialize"."public"."orders_by_customer";

-- step 7 (cutover, after 6): rename-index materialize.public.orders_by_customer_mzplan_u20 (moving materialize.public.orders_by_customer)
ALTER INDEX "materialize"."public"."orders_by_customer_mzplan_u20" RENAME TO "orders_by_customer";

-- step 8 (hydrate, after 1, 5): create-replacement materialize.public.revenue_daily_mzplan_u31 (moving materialize.public.revenue_daily)
CREATE REPLACEMENT MATERIALIZED VIEW "materialize"."public"."revenue_daily_mzplan_u31" FOR "materialize"."public"."revenue_daily" IN CLUSTER "serving" AS SELECT date_trunc('day', o.ts) AS day, sum(o.amount) FROM "materialize"."public"."orders" AS o GROUP BY 1;
-- wait until ready: materialize.public.revenue_daily_mzplan_u31 (stands in for materialize.public.revenue_daily)

-- step 9 (cutover, after 8): apply-replacement materialize.public.revenue_daily
ALTER MATERIALIZED VIEW "materialize"."public"."revenue_daily" APPLY REPLACEMENT "materialize"."public"."revenue_daily_mzplan_u31";
