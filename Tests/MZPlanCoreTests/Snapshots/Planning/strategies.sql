-- mzplan plan sha256:d9a1d3e2f8ba0b094dddcd448d7355857b3be81c32749ef2735340389e45ccc6
-- 4 moves, 1 warning, 2 unlisted
-- Run with `mzplan apply`, which also performs the waits noted below.

-- step 1 (hydrate): create-index materialize.public."Mixed Case idx_mzplan" (moving materialize.public."Mixed Case idx")
CREATE INDEX "Mixed Case idx_mzplan" IN CLUSTER "Serving ""Blue""" ON "materialize"."public"."weird""name" ("id") WITH (RETAIN HISTORY = FOR '10s');
-- wait until ready: materialize.public."Mixed Case idx_mzplan" (stands in for materialize.public."Mixed Case idx")

-- step 2 (hydrate): create-replacement materialize.public."weird""name_mzplan" (moving materialize.public."weird""name")
CREATE REPLACEMENT MATERIALIZED VIEW "materialize"."public"."weird""name_mzplan" FOR "materialize"."public"."weird""name" IN CLUSTER "Serving ""Blue""" WITH (RETAIN HISTORY = FOR '1h', REFRESH = ON COMMIT) AS SELECT "id", "total" FROM "materialize"."public"."orders" WHERE "total" > 100;
-- wait until ready: materialize.public."weird""name_mzplan" (stands in for materialize.public."weird""name")

-- step 3 (hydrate): create-sink materialize.public.orders_sink_mzplan (moving materialize.public.orders_sink)
CREATE SINK "materialize"."public"."orders_sink_mzplan" IN CLUSTER "Serving ""Blue""" FROM "materialize"."public"."weird""name" INTO KAFKA CONNECTION "materialize"."public"."kafka_conn" (TOPIC = 'orders') KEY ("id") NOT ENFORCED FORMAT JSON ENVELOPE UPSERT WITH (SNAPSHOT = false);
-- wait until running: materialize.public.orders_sink_mzplan (stands in for materialize.public.orders_sink)

-- step 4 (cutover, after 1): set-cluster materialize."My Schema"."drop; table"
ALTER MATERIALIZED VIEW "materialize"."My Schema"."drop; table" SET CLUSTER "Serving ""Blue""";

-- step 5 (cutover, after 2): apply-replacement materialize.public."weird""name"
ALTER MATERIALIZED VIEW "materialize"."public"."weird""name" APPLY REPLACEMENT "materialize"."public"."weird""name_mzplan";

-- step 6 (cleanup, after 1, 4): drop-index materialize.public."Mixed Case idx"
DROP INDEX "materialize"."public"."Mixed Case idx";

-- step 7 (cleanup, after 6): rename-index materialize.public."Mixed Case idx"
ALTER INDEX "materialize"."public"."Mixed Case idx_mzplan" RENAME TO "Mixed Case idx";

-- step 8 (cleanup, after 3): drop-sink materialize.public.orders_sink
DROP SINK "materialize"."public"."orders_sink";

-- step 9 (cleanup, after 8): rename-sink materialize.public.orders_sink
ALTER SINK "materialize"."public"."orders_sink_mzplan" RENAME TO "orders_sink";
