-- mzplan plan sha256:67436f07499ddab02b6fd2919a20e831f0580aa71e957dba78cb61c3d719aa6d
-- 10 moves, 2 clusters to create, 1 blocked, 3 warnings, 4 unchanged
-- Run with `mzplan apply`, which also performs the waits noted below.
--
-- BLOCKED: materialize.public.kafka_clicks (source) ingest → ingest_kafka: source-recreate, cascade-drop

-- step 1 (prepare): create-cluster ingest_kafka
CREATE CLUSTER "ingest_kafka" (SIZE = '50cc');

-- step 2 (prepare): create-cluster transform
CREATE CLUSTER "transform" (SIZE = '200cc', REPLICATION FACTOR = 1);

-- step 3 (hydrate, after 2): create-index materialize.public.order_lines_idx_mzplan (moving materialize.public.order_lines_idx)
CREATE INDEX "order_lines_idx_mzplan" IN CLUSTER "transform" ON "materialize"."public"."order_lines" ("order_id");
-- wait until ready: materialize.public.order_lines_idx_mzplan (stands in for materialize.public.order_lines_idx)

-- step 4 (hydrate): create-index materialize.public.orders_by_region_idx_mzplan (moving materialize.public.orders_by_region_idx)
CREATE INDEX "orders_by_region_idx_mzplan" IN CLUSTER "serving" ON "materialize"."public"."revenue_by_region" ("region");
-- wait until ready: materialize.public.orders_by_region_idx_mzplan (stands in for materialize.public.orders_by_region_idx)

-- step 5 (hydrate): create-replacement materialize.public.customer_ltv_mzplan (moving materialize.public.customer_ltv)
CREATE REPLACEMENT MATERIALIZED VIEW "materialize"."public"."customer_ltv_mzplan" FOR "materialize"."public"."customer_ltv" IN CLUSTER "serving" WITH (REFRESH = ON COMMIT) AS SELECT "c"."id" AS "customer_id", "c"."email", "c"."region", "pg_catalog"."count"("o"."id") AS "orders", "pg_catalog"."sum"("o"."total") AS "lifetime_value", "pg_catalog"."max"("o"."created_at") AS "last_order_at" FROM "materialize"."public"."customers" AS "c" JOIN "materialize"."public"."orders" AS "o" ON "o"."customer_id" = "c"."id" WHERE "o"."status" <> 'cancelled' GROUP BY "c"."id", "c"."email", "c"."region";
-- wait until ready: materialize.public.customer_ltv_mzplan (stands in for materialize.public.customer_ltv)

-- step 6 (hydrate, after 2, 3): create-replacement materialize.public.orders_enriched_mzplan (moving materialize.public.orders_enriched)
CREATE REPLACEMENT MATERIALIZED VIEW "materialize"."public"."orders_enriched_mzplan" FOR "materialize"."public"."orders_enriched" IN CLUSTER "transform" WITH (REFRESH = ON COMMIT) AS SELECT "l"."order_id", "l"."customer_id", "c"."region", "l"."created_at", "pg_catalog"."sum"("l"."line_total") AS "order_total", "pg_catalog"."count"(*) AS "line_count" FROM "materialize"."public"."order_lines" AS "l" JOIN "materialize"."public"."customers" AS "c" ON "c"."id" = "l"."customer_id" GROUP BY "l"."order_id", "l"."customer_id", "c"."region", "l"."created_at";
-- wait until ready: materialize.public.orders_enriched_mzplan (stands in for materialize.public.orders_enriched)

-- step 7 (hydrate, after 2): create-replacement materialize.public.payments_mzplan (moving materialize.public.payments)
CREATE REPLACEMENT MATERIALIZED VIEW "materialize"."public"."payments_mzplan" FOR "materialize"."public"."payments" IN CLUSTER "transform" WITH (RETAIN HISTORY = FOR '1h', REFRESH = ON COMMIT) AS SELECT "body" ->> 'id' AS "event_id", "body" ->> 'type' AS "event_type", ("body" -> 'data' -> 'object' ->> 'amount')::"pg_catalog"."int8" AS "amount_cents", "body" -> 'data' -> 'object' ->> 'currency' AS "currency" FROM "materialize"."public"."stripe_webhook" WHERE "body" ->> 'type' LIKE 'payment_intent.%';
-- wait until ready: materialize.public.payments_mzplan (stands in for materialize.public.payments)

-- step 8 (hydrate, after 2): create-replacement materialize.public.revenue_by_region_mzplan (moving materialize.public.revenue_by_region)
CREATE REPLACEMENT MATERIALIZED VIEW "materialize"."public"."revenue_by_region_mzplan" FOR "materialize"."public"."revenue_by_region" IN CLUSTER "transform" WITH (REFRESH = ON COMMIT) AS SELECT "region", "pg_catalog"."date_trunc"('day', "created_at") AS "day", "pg_catalog"."sum"("order_total") AS "revenue", "pg_catalog"."count"(*) AS "orders" FROM "materialize"."public"."orders_enriched" GROUP BY "region", "pg_catalog"."date_trunc"('day', "created_at");
-- wait until ready: materialize.public.revenue_by_region_mzplan (stands in for materialize.public.revenue_by_region)

-- step 9 (cutover, after 1) [BLOCKED]: drop-source materialize.public.kafka_clicks
-- DROP SOURCE "materialize"."public"."kafka_clicks" CASCADE;

-- step 10 (cutover, after 9) [BLOCKED]: recreate-object materialize.public.kafka_clicks
-- CREATE SOURCE "materialize"."public"."kafka_clicks" IN CLUSTER "ingest_kafka" FROM KAFKA CONNECTION "materialize"."public"."kafka_conn" (TOPIC = 'shop.clicks') FORMAT JSON ENVELOPE NONE;
-- wait until running: materialize.public.kafka_clicks

-- step 11 (cutover, after 2, 10) [BLOCKED]: recreate-object materialize.public.clicks_per_product (moving materialize.public.kafka_clicks)
-- CREATE MATERIALIZED VIEW "materialize"."public"."clicks_per_product" IN CLUSTER "transform" WITH (REFRESH = ON COMMIT) AS SELECT ("data" ->> 'product_id')::"pg_catalog"."int8" AS "product_id", "pg_catalog"."count"(*) AS "clicks" FROM "materialize"."public"."kafka_clicks" GROUP BY ("data" ->> 'product_id')::"pg_catalog"."int8";

-- step 12 (cutover, after 2, 11) [BLOCKED]: recreate-object materialize.public.funnel (moving materialize.public.kafka_clicks)
-- CREATE MATERIALIZED VIEW "materialize"."public"."funnel" IN CLUSTER "transform" WITH (REFRESH = ON COMMIT) AS SELECT 'clicks' AS "stage", "pg_catalog"."sum"("clicks")::"pg_catalog"."numeric" AS "value" FROM "materialize"."public"."clicks_per_product" UNION ALL SELECT 'revenue' AS "stage", "pg_catalog"."sum"("revenue") AS "value" FROM "materialize"."public"."revenue_by_region";

-- step 13 (cutover, after 12) [BLOCKED]: recreate-object materialize.public.funnel_idx (moving materialize.public.kafka_clicks)
-- CREATE INDEX "funnel_idx" IN CLUSTER "serving" ON "materialize"."public"."funnel" ("stage");

-- step 14 (cutover, after 12) [BLOCKED]: recreate-object materialize.public.funnel_sink (moving materialize.public.kafka_clicks)
-- CREATE SINK "materialize"."public"."funnel_sink" IN CLUSTER "sinks" FROM "materialize"."public"."funnel" INTO KAFKA CONNECTION "materialize"."public"."kafka_conn" (TOPIC = 'shop.funnel') KEY ("stage") NOT ENFORCED FORMAT JSON ENVELOPE UPSERT;

-- step 15 (cutover, after 5): apply-replacement materialize.public.customer_ltv
ALTER MATERIALIZED VIEW "materialize"."public"."customer_ltv" APPLY REPLACEMENT "materialize"."public"."customer_ltv_mzplan";

-- step 16 (cutover, after 6): apply-replacement materialize.public.orders_enriched
ALTER MATERIALIZED VIEW "materialize"."public"."orders_enriched" APPLY REPLACEMENT "materialize"."public"."orders_enriched_mzplan";

-- step 17 (cutover, after 7): apply-replacement materialize.public.payments
ALTER MATERIALIZED VIEW "materialize"."public"."payments" APPLY REPLACEMENT "materialize"."public"."payments_mzplan";

-- step 18 (cutover, after 8): apply-replacement materialize.public.revenue_by_region
ALTER MATERIALIZED VIEW "materialize"."public"."revenue_by_region" APPLY REPLACEMENT "materialize"."public"."revenue_by_region_mzplan";

-- step 19 (cleanup, after 3, 16): drop-index materialize.public.order_lines_idx
DROP INDEX "materialize"."public"."order_lines_idx";

-- step 20 (cleanup, after 19): rename-index materialize.public.order_lines_idx
ALTER INDEX "materialize"."public"."order_lines_idx_mzplan" RENAME TO "order_lines_idx";

-- step 21 (cleanup, after 4): drop-index materialize.public.orders_by_region_idx
DROP INDEX "materialize"."public"."orders_by_region_idx";

-- step 22 (cleanup, after 21): rename-index materialize.public.orders_by_region_idx
ALTER INDEX "materialize"."public"."orders_by_region_idx_mzplan" RENAME TO "orders_by_region_idx";
