-- An older Materialize on top of mz_catalog.sql: no mz_object_global_ids (GlobalIds equal catalog ids),
-- no mz_replacements, no mz_history_retention_strategies, no replica status history, and
-- mz_cluster_replica_sizes still in mz_internal. The reader must degrade (null fields, warnings).
-- Load after mz_catalog.sql: psql -v ON_ERROR_STOP=1 -d mz_old -f mz_old.sql
CREATE OR REPLACE FUNCTION public.mz_version() RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT 'v0.130.4 (5d1c2a0e7)' $$;
CREATE OR REPLACE FUNCTION public.mz_version_num() RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT 13004 $$;

-- Without GlobalIds, orders_enriched has a single id: drop the retired GlobalId's rows, rename the current one.
DELETE FROM mz_internal.mz_frontiers WHERE object_id = 'u15';
UPDATE mz_internal.mz_frontiers SET object_id = 'u15' WHERE object_id = 'u31';
UPDATE mz_internal.mz_compute_dependencies SET object_id = 'u15' WHERE object_id = 'u31';
UPDATE mz_internal.mz_compute_dependencies SET dependency_id = 'u15' WHERE dependency_id = 'u31';
UPDATE mz_internal.mz_hydration_statuses SET object_id = 'u15' WHERE object_id = 'u31';
UPDATE mz_internal.mz_compute_hydration_statuses SET object_id = 'u15' WHERE object_id = 'u31';
UPDATE mz_internal.mz_wallclock_global_lag SET object_id = 'u15' WHERE object_id = 'u31';

DROP TABLE mz_internal.mz_object_global_ids, mz_internal.mz_replacements,
    mz_internal.mz_history_retention_strategies, mz_internal.mz_cluster_replica_status_history;
ALTER TABLE mz_catalog.mz_cluster_replica_sizes SET SCHEMA mz_internal;
UPDATE mz_catalog.mz_objects SET schema_id = 's2' WHERE id LIKE 's%' AND name = 'mz_cluster_replica_sizes';
DELETE FROM mz_catalog.mz_objects WHERE id LIKE 's%' AND name IN (
    'mz_object_global_ids', 'mz_replacements', 'mz_history_retention_strategies', 'mz_cluster_replica_status_history');
