-- mzplan plan sha256:ecb8a2990398e063f9d5ffcef4eae3e9f745fcc2baba1d43f5867073071f1a9a
-- 9 moves, 1 cluster to alter, 6 unlisted
-- Run with `mzplan apply`, which also performs the waits noted below.
-- resize of cluster compute: blue-green, estimated downtime 0

-- step 1 (prepare): create-cluster compute_mzplan
CREATE CLUSTER "compute_mzplan" (SIZE = '800cc', REPLICATION FACTOR = 1);

-- step 2 (hydrate, after 1): create-index materialize.public.funnel_idx_mzplan (moving materialize.public.funnel_idx)
CREATE INDEX "funnel_idx_mzplan" IN CLUSTER "compute_mzplan" ON "materialize"."public"."funnel" ("stage");
-- wait until ready: materialize.public.funnel_idx_mzplan (stands in for materialize.public.funnel_idx)

-- step 3 (hydrate, after 1): create-index materialize.public.order_lines_idx_mzplan (moving materialize.public.order_lines_idx)
CREATE INDEX "order_lines_idx_mzplan" IN CLUSTER "compute_mzplan" ON "materialize"."public"."order_lines" ("order_id");
-- wait until ready: materialize.public.order_lines_idx_mzplan (stands in for materialize.public.order_lines_idx)

-- step 4 (hydrate, after 1): create-index materialize.public.orders_by_region_idx_mzplan (moving materialize.public.orders_by_region_idx)
CREATE INDEX "orders_by_region_idx_mzplan" IN CLUSTER "compute_mzplan" ON "materialize"."public"."revenue_by_region" ("region");
-- wait until ready: materialize.public.orders_by_region_idx_mzplan (stands in for materialize.public.orders_by_region_idx)

-- step 5 (hydrate, after 1): create-replacement materialize.public.clicks_per_product_mzplan (moving materialize.public.clicks_per_product)
CREATE REPLACEMENT MATERIALIZED VIEW "materialize"."public"."clicks_per_product_mzplan" FOR "materialize"."public"."clicks_per_product" IN CLUSTER "compute_mzplan" WITH (REFRESH = ON COMMIT) AS SELECT ("data" ->> 'product_id')::"pg_catalog"."int8" AS "product_id", "pg_catalog"."count"(*) AS "clicks" FROM "materialize"."public"."kafka_clicks" GROUP BY ("data" ->> 'product_id')::"pg_catalog"."int8";
-- wait until ready: materialize.public.clicks_per_product_mzplan (stands in for materialize.public.clicks_per_product)

-- step 6 (hydrate, after 1): create-replacement materialize.public.customer_ltv_mzplan (moving materialize.public.customer_ltv)
CREATE REPLACEMENT MATERIALIZED VIEW "materialize"."public"."customer_ltv_mzplan" FOR "materialize"."public"."customer_ltv" IN CLUSTER "compute_mzplan" WITH (REFRESH = ON COMMIT) AS SELECT "c"."id" AS "customer_id", "c"."email", "c"."region", "pg_catalog"."count"("o"."id") AS "orders", "pg_catalog"."sum"("o"."total") AS "lifetime_value", "pg_catalog"."max"("o"."created_at") AS "last_order_at" FROM "materialize"."public"."customers" AS "c" JOIN "materialize"."public"."orders" AS "o" ON "o"."customer_id" = "c"."id" WHERE "o"."status" <> 'cancelled' GROUP BY "c"."id", "c"."email", "c"."region";
-- wait until ready: materialize.public.customer_ltv_mzplan (stands in for materialize.public.customer_ltv)

-- step 7 (hydrate, after 1, 4): create-replacement materialize.public.funnel_mzplan (moving materialize.public.funnel)
CREATE REPLACEMENT MATERIALIZED VIEW "materialize"."public"."funnel_mzplan" FOR "materialize"."public"."funnel" IN CLUSTER "compute_mzplan" WITH (REFRESH = ON COMMIT) AS SELECT 'clicks' AS "stage", "pg_catalog"."sum"("clicks")::"pg_catalog"."numeric" AS "value" FROM "materialize"."public"."clicks_per_product" UNION ALL SELECT 'revenue' AS "stage", "pg_catalog"."sum"("revenue") AS "value" FROM "materialize"."public"."revenue_by_region";
-- wait until ready: materialize.public.funnel_mzplan (stands in for materialize.public.funnel)

-- step 8 (hydrate, after 1, 3): create-replacement materialize.public.orders_enriched_mzplan (moving materialize.public.orders_enriched)
CREATE REPLACEMENT MATERIALIZED VIEW "materialize"."public"."orders_enriched_mzplan" FOR "materialize"."public"."orders_enriched" IN CLUSTER "compute_mzplan" WITH (REFRESH = ON COMMIT) AS SELECT "l"."order_id", "l"."customer_id", "c"."region", "l"."created_at", "pg_catalog"."sum"("l"."line_total") AS "order_total", "pg_catalog"."count"(*) AS "line_count" FROM "materialize"."public"."order_lines" AS "l" JOIN "materialize"."public"."customers" AS "c" ON "c"."id" = "l"."customer_id" GROUP BY "l"."order_id", "l"."customer_id", "c"."region", "l"."created_at";
-- wait until ready: materialize.public.orders_enriched_mzplan (stands in for materialize.public.orders_enriched)

-- step 9 (hydrate, after 1): create-replacement materialize.public.payments_mzplan (moving materialize.public.payments)
CREATE REPLACEMENT MATERIALIZED VIEW "materialize"."public"."payments_mzplan" FOR "materialize"."public"."payments" IN CLUSTER "compute_mzplan" WITH (RETAIN HISTORY = FOR '1h', REFRESH = ON COMMIT) AS SELECT "body" ->> 'id' AS "event_id", "body" ->> 'type' AS "event_type", ("body" -> 'data' -> 'object' ->> 'amount')::"pg_catalog"."int8" AS "amount_cents", "body" -> 'data' -> 'object' ->> 'currency' AS "currency" FROM "materialize"."public"."stripe_webhook" WHERE "body" ->> 'type' LIKE 'payment_intent.%';
-- wait until ready: materialize.public.payments_mzplan (stands in for materialize.public.payments)

-- step 10 (hydrate, after 1): create-replacement materialize.public.revenue_by_region_mzplan (moving materialize.public.revenue_by_region)
CREATE REPLACEMENT MATERIALIZED VIEW "materialize"."public"."revenue_by_region_mzplan" FOR "materialize"."public"."revenue_by_region" IN CLUSTER "compute_mzplan" WITH (REFRESH = ON COMMIT) AS SELECT "region", "pg_catalog"."date_trunc"('day', "created_at") AS "day", "pg_catalog"."sum"("order_total") AS "revenue", "pg_catalog"."count"(*) AS "orders" FROM "materialize"."public"."orders_enriched" GROUP BY "region", "pg_catalog"."date_trunc"('day', "created_at");
-- wait until ready: materialize.public.revenue_by_region_mzplan (stands in for materialize.public.revenue_by_region)

-- step 11 (cutover, after 5): apply-replacement materialize.public.clicks_per_product
ALTER MATERIALIZED VIEW "materialize"."public"."clicks_per_product" APPLY REPLACEMENT "materialize"."public"."clicks_per_product_mzplan";

-- step 12 (cutover, after 6): apply-replacement materialize.public.customer_ltv
ALTER MATERIALIZED VIEW "materialize"."public"."customer_ltv" APPLY REPLACEMENT "materialize"."public"."customer_ltv_mzplan";

-- step 13 (cutover, after 7): apply-replacement materialize.public.funnel
ALTER MATERIALIZED VIEW "materialize"."public"."funnel" APPLY REPLACEMENT "materialize"."public"."funnel_mzplan";

-- step 14 (cutover, after 8): apply-replacement materialize.public.orders_enriched
ALTER MATERIALIZED VIEW "materialize"."public"."orders_enriched" APPLY REPLACEMENT "materialize"."public"."orders_enriched_mzplan";

-- step 15 (cutover, after 9): apply-replacement materialize.public.payments
ALTER MATERIALIZED VIEW "materialize"."public"."payments" APPLY REPLACEMENT "materialize"."public"."payments_mzplan";

-- step 16 (cutover, after 10): apply-replacement materialize.public.revenue_by_region
ALTER MATERIALIZED VIEW "materialize"."public"."revenue_by_region" APPLY REPLACEMENT "materialize"."public"."revenue_by_region_mzplan";

-- step 17 (cutover, after 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16): swap-cluster compute
ALTER CLUSTER "compute" SWAP WITH "compute_mzplan";

-- step 18 (cleanup, after 2, 17): drop-index materialize.public.funnel_idx
DROP INDEX "materialize"."public"."funnel_idx";

-- step 19 (cleanup, after 17, 18): rename-index materialize.public.funnel_idx
ALTER INDEX "materialize"."public"."funnel_idx_mzplan" RENAME TO "funnel_idx";

-- step 20 (cleanup, after 3, 14, 17): drop-index materialize.public.order_lines_idx
DROP INDEX "materialize"."public"."order_lines_idx";

-- step 21 (cleanup, after 17, 20): rename-index materialize.public.order_lines_idx
ALTER INDEX "materialize"."public"."order_lines_idx_mzplan" RENAME TO "order_lines_idx";

-- step 22 (cleanup, after 4, 13, 17): drop-index materialize.public.orders_by_region_idx
DROP INDEX "materialize"."public"."orders_by_region_idx";

-- step 23 (cleanup, after 17, 22): rename-index materialize.public.orders_by_region_idx
ALTER INDEX "materialize"."public"."orders_by_region_idx_mzplan" RENAME TO "orders_by_region_idx";

-- step 24 (cleanup, after 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23): drop-cluster compute_mzplan
DROP CLUSTER "compute_mzplan";
