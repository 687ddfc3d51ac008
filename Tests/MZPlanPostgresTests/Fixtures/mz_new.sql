-- A newer Materialize on top of mz_catalog.sql: v26.41, whose mz_object_arrangement_sizes reports
-- what each dataflow's arrangements hold per replica (reliable from v26.35). Object ids are
-- GlobalIds: orders_enriched's current dataflow is u31.
-- Load after mz_catalog.sql: psql -v ON_ERROR_STOP=1 -d mz_new -f mz_new.sql
CREATE OR REPLACE FUNCTION public.mz_version() RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT 'v26.41.0 (0c7e2b9a1)' $$;
CREATE OR REPLACE FUNCTION public.mz_version_num() RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT 264100 $$;

CREATE TABLE mz_internal.mz_object_arrangement_sizes (replica_id text, object_id text, size bigint);
INSERT INTO mz_catalog.mz_objects (id, oid, schema_id, name, type, owner_id)
VALUES ('s900', NULL, 's2', 'mz_object_arrangement_sizes', 'source', 's1');

-- Sizes in MiB as in examples/shop/catalog.json; funnel_sink holds no arrangement (no row).
INSERT INTO mz_internal.mz_object_arrangement_sizes
SELECT replica_id, object_id, mib::bigint * 1048576 FROM (VALUES
    ('u103', 'u14', 3277), ('u103', 'u31', 4608), ('u103', 'u15', 1200), ('u103', 'u16', 307),
    ('u103', 'u17', 102), ('u103', 'u18', 2458), ('u103', 'u19', 1126), ('u103', 'u20', 614),
    ('u103', 'u21', 51), ('u103', 'u22', 819), ('u104', 'u24', 1229), ('u104', 'u25', 922),
    ('s2', 's700', 64)
) AS rows (replica_id, object_id, mib);
