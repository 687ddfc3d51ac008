-- :n generated objects on top of mz_catalog.sql, for `scripts/bench`'s `catalog dump` rows: two
-- thirds materialized views (each reading the orders subsource u7 and the view before it, with a
-- create_sql of about 400 bytes carrying options, a quoted name with non-ASCII text and an escaped
-- string), one third indexes on them, all on cluster compute (u3), with frontiers, hydration, lag
-- and one GlobalId each, like the shop's objects.
-- Load after mz_catalog.sql: psql -v ON_ERROR_STOP=1 -v n=100000 -d mz_bench -f mz_bench.sql
CREATE TEMPORARY TABLE generated AS
SELECT n, 'u' || n AS id, n % 3 = 2 AS is_index, 'u' || (n - 1) AS previous
FROM generate_series(100000, 99999 + :n) AS n;

INSERT INTO mz_catalog.mz_objects
SELECT id, 100000 + n, 'u3', CASE WHEN is_index THEN 'bench_idx_' ELSE 'bench_mv_' END || n,
       CASE WHEN is_index THEN 'index' ELSE 'materialized-view' END, 'u1', 'u3', NULL
FROM generated;

INSERT INTO mz_catalog.mz_materialized_views
SELECT id, 100000 + n, 'u3', 'bench_mv_' || n, 'u3',
       'SELECT "o"."id", "o"."total", ''région '' || ''l''''été'' AS "label" FROM [u7 AS "materialize"."public"."orders"] AS "o" WHERE "o"."id" % 5000 = ' || n || ';',
       'u1', NULL,
       'CREATE MATERIALIZED VIEW "materialize"."public"."bench_mv_' || n || '" IN CLUSTER [u3] WITH (REFRESH = ON COMMIT, RETAIN HISTORY = FOR ''1h'') AS SELECT "o"."id", "o"."total", ''région '' || ''l''''été'' AS "label" FROM [u7 AS "materialize"."public"."orders"] AS "o" WHERE "o"."id" % 5000 = ' || n || ' AS OF 1764000000000',
       NULL
FROM generated WHERE NOT is_index;

INSERT INTO mz_catalog.mz_indexes
SELECT id, 100000 + n, 'bench_idx_' || n, previous, 'u3', 'u1',
       'CREATE INDEX "bench_idx_' || n || '" IN CLUSTER [u3] ON [' || previous || ' AS "materialize"."public"."bench_mv_' || (n - 1) || '"] ("id")',
       NULL
FROM generated WHERE is_index;

INSERT INTO mz_internal.mz_object_global_ids SELECT id, id FROM generated;
INSERT INTO mz_internal.mz_object_dependencies SELECT id, 'u7' FROM generated WHERE NOT is_index;
INSERT INTO mz_internal.mz_object_dependencies SELECT id, previous FROM generated WHERE is_index;
INSERT INTO mz_internal.mz_compute_dependencies SELECT id, CASE WHEN is_index THEN previous ELSE 'u7' END FROM generated;
INSERT INTO mz_internal.mz_frontiers SELECT id, 1764115198000 + n % 1000, 1764115199000 + n % 1000 FROM generated;
INSERT INTO mz_internal.mz_hydration_statuses SELECT id, 'u103', n % 7 <> 0 FROM generated;
INSERT INTO mz_internal.mz_compute_hydration_statuses
SELECT id, 'u103', true, (n % 100000) * INTERVAL '1 millisecond' FROM generated WHERE n % 7 <> 0;
INSERT INTO mz_internal.mz_wallclock_global_lag SELECT id, (n % 900) * INTERVAL '1 millisecond' FROM generated;
INSERT INTO mz_internal.mz_history_retention_strategies SELECT id, 'FOR', to_jsonb(3600000) FROM generated WHERE NOT is_index;
ANALYZE;
