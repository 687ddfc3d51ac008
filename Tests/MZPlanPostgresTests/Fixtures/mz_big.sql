-- 5 000 generated materialized views on top of mz_catalog.sql, for the constant-query-count test.
-- Each view depends on the previous one and on the orders subsource (u7), runs on cluster compute (u3),
-- and has frontiers, hydration, lag and one GlobalId, like the shop's objects.
-- Load after mz_catalog.sql: psql -v ON_ERROR_STOP=1 -d mz_big -f mz_big.sql
INSERT INTO mz_catalog.mz_objects
SELECT 'u' || n, 30000 + n, 'u3', 'generated_' || n, 'materialized-view', 'u1', 'u3', NULL
FROM generate_series(1000, 5999) AS n;

INSERT INTO mz_catalog.mz_materialized_views
SELECT 'u' || n, 30000 + n, 'u3', 'generated_' || n, 'u3',
       'SELECT "id", "total" FROM [u7 AS "materialize"."public"."orders"] WHERE "id" % 5000 = ' || n || ';',
       'u1', NULL,
       'CREATE MATERIALIZED VIEW "materialize"."public"."generated_' || n || '" IN CLUSTER [u3] AS SELECT "id", "total" FROM [u7 AS "materialize"."public"."orders"] WHERE "id" % 5000 = ' || n || ' AS OF 1764000000000',
       NULL
FROM generate_series(1000, 5999) AS n;

INSERT INTO mz_internal.mz_object_global_ids SELECT 'u' || n, 'u' || n FROM generate_series(1000, 5999) AS n;
INSERT INTO mz_internal.mz_object_dependencies SELECT 'u' || n, 'u7' FROM generate_series(1000, 5999) AS n;
INSERT INTO mz_internal.mz_object_dependencies SELECT 'u' || n, 'u' || (n - 1) FROM generate_series(1001, 5999) AS n;
INSERT INTO mz_internal.mz_compute_dependencies SELECT 'u' || n, 'u7' FROM generate_series(1000, 5999) AS n;
INSERT INTO mz_internal.mz_frontiers SELECT 'u' || n, 1764115198000 + n, 1764115199000 + n FROM generate_series(1000, 5999) AS n;
INSERT INTO mz_internal.mz_hydration_statuses SELECT 'u' || n, 'u103', n % 7 <> 0 FROM generate_series(1000, 5999) AS n;
INSERT INTO mz_internal.mz_compute_hydration_statuses
SELECT 'u' || n, 'u103', true, n * INTERVAL '1 millisecond' FROM generate_series(1000, 5999) AS n WHERE n % 7 <> 0;
INSERT INTO mz_internal.mz_wallclock_global_lag SELECT 'u' || n, (n % 900) * INTERVAL '1 millisecond' FROM generate_series(1000, 5999) AS n;
INSERT INTO mz_internal.mz_history_retention_strategies SELECT 'u' || n, 'FOR', to_jsonb(60000) FROM generate_series(1000, 5999, 10) AS n;

-- A second replica on compute that is OOM-looping (3 kills in 24 hours): generated_5999 is hydrated
-- only there, so the readiness gate must not count it as hydrated.
INSERT INTO mz_catalog.mz_cluster_replicas VALUES ('u106', 'r2', 'u3', '400cc', 'use1-az2', 'u1', true);
INSERT INTO mz_internal.mz_cluster_replica_statuses VALUES ('u106', 0, 'online', NULL, now() - INTERVAL '10 minutes');
INSERT INTO mz_internal.mz_cluster_replica_status_history
SELECT 'u106', 0, 'offline', 'oom-killed', now() - n * INTERVAL '1 hour' FROM generate_series(1, 3) AS n;
INSERT INTO mz_internal.mz_hydration_statuses VALUES ('u5999', 'u106', true);
