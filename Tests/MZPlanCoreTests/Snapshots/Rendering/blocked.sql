-- mzplan plan sha256:fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210
-- 3 moves, 1 cluster to rename, 1 cluster to drop, 3 blocked, 2 unlisted
-- Run with `mzplan apply`, which also performs the waits noted below.
--
-- BLOCKED: cluster legacy (drop): cluster-drop
-- BLOCKED: materialize.public.pg_orders (source) ingest → ingest_v2: source-recreate, cascade-drop
-- BLOCKED: materialize.public.late_mv (materialized-view) compute → serving: frontier-gap

-- step 1 (prepare): rename-cluster analytics
ALTER CLUSTER "analytics_old" RENAME TO "analytics";

-- step 2 (cutover) [BLOCKED]: drop-source materialize.public.pg_orders
-- DROP SOURCE "materialize"."public"."pg_orders" CASCADE;

-- step 3 (cutover, after 2) [BLOCKED]: recreate-object materialize.public.pg_orders
-- CREATE SOURCE "materialize"."public"."pg_orders" IN CLUSTER "ingest_v2" FROM POSTGRES CONNECTION "materialize"."public"."pg_conn" (PUBLICATION 'mz_source');
-- wait until running: materialize.public.pg_orders

-- step 4 (cutover, after 3) [BLOCKED]: recreate-object materialize.public.orders (moving materialize.public.pg_orders)
-- CREATE TABLE "materialize"."public"."orders" FROM SOURCE "materialize"."public"."pg_orders" (REFERENCE "public"."orders");

-- step 5 (cutover, after 4) [BLOCKED]: recreate-object materialize.public.orders_enriched (moving materialize.public.pg_orders)
-- CREATE MATERIALIZED VIEW "materialize"."public"."orders_enriched" IN CLUSTER "compute" AS SELECT * FROM "materialize"."public"."orders";
-- wait until ready: materialize.public.orders_enriched

-- step 6 (hydrate): create-sink materialize.public.orders_sink_mzplan_u40 (moving materialize.public.orders_sink)
CREATE SINK "materialize"."public"."orders_sink_mzplan_u40" IN CLUSTER "serving" FROM "materialize"."public"."orders_enriched" INTO KAFKA CONNECTION "materialize"."public"."kafka" (TOPIC 'orders') FORMAT JSON ENVELOPE DEBEZIUM WITH (SNAPSHOT = false);
-- wait until running: materialize.public.orders_sink_mzplan_u40 (stands in for materialize.public.orders_sink)

-- step 7 (cutover, after 6): drop-sink materialize.public.orders_sink
DROP SINK "materialize"."public"."orders_sink";

-- step 8 (cutover, after 7): rename-sink materialize.public.orders_sink_mzplan_u40 (moving materialize.public.orders_sink)
ALTER SINK "materialize"."public"."orders_sink_mzplan_u40" RENAME TO "orders_sink";

-- step 9 (cutover) [BLOCKED]: set-cluster materialize.public.late_mv
-- ALTER MATERIALIZED VIEW "materialize"."public"."late_mv" SET CLUSTER "serving";

-- step 10 (cleanup, after 5, 8, 9) [BLOCKED]: drop-cluster legacy
-- DROP CLUSTER "legacy";
