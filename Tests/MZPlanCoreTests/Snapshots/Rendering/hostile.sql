-- mzplan plan sha256:a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1
-- 3 moves, 1 cluster to create, 1 blocked, 1 warning, 1 unlisted
-- Run with `mzplan apply`, which also performs the waits noted below.
--
-- BLOCKED: materialize.public."line\nbreak `tick` | <b>#x</b> \u{1b}[31mred" (sink) compute → "Serving Cluster": sink-recreate

-- step 1 (prepare): create-cluster "Serving Cluster"
CREATE CLUSTER "Serving Cluster" (SIZE = '100cc');

-- step 2 (hydrate, after 1): create-replacement materialize."Mixed Case"."weird""name_mzplan_u7" (moving materialize."Mixed Case"."weird""name")
CREATE REPLACEMENT MATERIALIZED VIEW "materialize"."Mixed Case"."weird""name_mzplan_u7" FOR "materialize"."Mixed Case"."weird""name" IN CLUSTER "Serving Cluster" AS
SELECT 'it''s' AS "a
b";
-- wait until ready: materialize."Mixed Case"."weird""name_mzplan_u7" (stands in for materialize."Mixed Case"."weird""name")

-- step 3 (cutover, after 2): apply-replacement materialize."Mixed Case"."weird""name"
ALTER MATERIALIZED VIEW "materialize"."Mixed Case"."weird""name" APPLY REPLACEMENT "materialize"."Mixed Case"."weird""name_mzplan_u7";

-- step 4 (hydrate): create-index materialize.public."drop; table_mzplan_u8" (moving materialize.public."drop; table")
CREATE INDEX "drop; table_mzplan_u8" IN CLUSTER "new<cluster>" ON "materialize"."public"."drop; table" ("x");
-- wait until ready: materialize.public."drop; table_mzplan_u8" (stands in for materialize.public."drop; table")

-- step 5 (cutover, after 4): drop-index materialize.public."drop; table"
DROP INDEX "materialize"."public"."drop; table";

-- step 6 (cutover, after 5): rename-index materialize.public."drop; table_mzplan_u8" (moving materialize.public."drop; table")
ALTER INDEX "materialize"."public"."drop; table_mzplan_u8" RENAME TO "drop; table";

-- step 7 (hydrate, after 1, 3) [BLOCKED]: create-sink materialize.public."line\nbreak `tick` | <b>#x</b> \u{1b}[31mred"
-- CREATE SINK "materialize"."public"."line
-- break `tick` | <b>#x</b> [31mred" IN CLUSTER "Serving Cluster" FROM "materialize"."Mixed Case"."weird""name" INTO KAFKA CONNECTION "k" (TOPIC 'x') FORMAT JSON ENVELOPE UPSERT;
-- wait until running: materialize.public."line\nbreak `tick` | <b>#x</b> \u{1b}[31mred"
