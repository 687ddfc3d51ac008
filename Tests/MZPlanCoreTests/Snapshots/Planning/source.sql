-- mzplan plan sha256:f971c53f2fb1f782574b329e34ef055901de0580698520c34ee474d4379d6542
-- 3 moves, 1 cluster to create, 3 unlisted
-- Run with `mzplan apply`, which also performs the waits noted below.

-- step 1 (prepare): create-cluster ingest_v2
CREATE CLUSTER "ingest_v2" (SIZE = '50cc');

-- step 2 (cutover, after 1): drop-source materialize.public.pg
DROP SOURCE "materialize"."public"."pg" CASCADE;

-- step 3 (cutover, after 2): recreate-object materialize.public.pg
CREATE SOURCE "materialize"."public"."pg" IN CLUSTER "ingest_v2" FROM POSTGRES CONNECTION "materialize"."public"."pg_conn" (PUBLICATION = 'mz_source') FOR TABLES ("db"."public"."orders" AS "materialize"."public"."orders") EXPOSE PROGRESS AS "materialize"."public"."pg_progress";
-- wait until running: materialize.public.pg

-- step 4 (cutover, after 3): recreate-object materialize.public."weird""name" (moving materialize.public.pg)
CREATE MATERIALIZED VIEW "materialize"."public"."weird""name" IN CLUSTER "Serving ""Blue""" WITH (RETAIN HISTORY = FOR '1h', REFRESH = ON COMMIT) AS SELECT "id", "total" FROM "materialize"."public"."orders" WHERE "total" > 100;

-- step 5 (cutover, after 4): recreate-object materialize."My Schema"."drop; table" (moving materialize.public.pg)
CREATE MATERIALIZED VIEW "materialize"."My Schema"."drop; table" IN CLUSTER "compute" AS SELECT count(*) FROM "materialize"."public"."weird""name";

-- step 6 (cutover, after 4): recreate-object materialize.public."Mixed Case idx" (moving materialize.public.pg)
CREATE INDEX "Mixed Case idx" IN CLUSTER "Serving ""Blue""" ON "materialize"."public"."weird""name" ("id") WITH (RETAIN HISTORY = FOR '10s');

-- step 7 (cutover, after 4): recreate-object materialize.public.orders_sink (moving materialize.public.pg)
CREATE SINK "materialize"."public"."orders_sink" IN CLUSTER "compute" FROM "materialize"."public"."weird""name" INTO KAFKA CONNECTION "materialize"."public"."kafka_conn" (TOPIC = 'orders') KEY ("id") NOT ENFORCED FORMAT JSON ENVELOPE UPSERT WITH (SNAPSHOT = true);
