-- A PostgreSQL stand-in for Materialize's catalog, for mzplan's live reader tests.
-- Relation and column names are Materialize's (reference/materialize.md §3); the rows describe
-- examples/shop, plus what a live region adds: a materialized view with two GlobalIds (after
-- APPLY REPLACEMENT), a replacement in flight, OOM kills inside and outside the 24-hour window,
-- and catalog rows for the system relations themselves (so the reader's probe finds them).
-- Load with: psql -v ON_ERROR_STOP=1 -d materialize -f mz_catalog.sql
SET client_min_messages = warning;

CREATE SCHEMA mz_catalog;
CREATE SCHEMA mz_internal;

-- mz_timestamp: u64 milliseconds; Materialize only casts it to text, and so does the reader.
CREATE DOMAIN mz_catalog.mz_timestamp AS numeric(20, 0);

CREATE FUNCTION public.mz_version() RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT 'v26.10.1 (3b2f6c1d9)' $$;
CREATE FUNCTION public.mz_version_num() RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT 261001 $$;

CREATE TABLE mz_catalog.mz_databases (id text, oid oid, name text, owner_id text, privileges text[]);
CREATE TABLE mz_catalog.mz_schemas (id text, oid oid, database_id text, name text, owner_id text, privileges text[]);
CREATE TABLE mz_catalog.mz_clusters (
    id text, name text, owner_id text, privileges text[], managed boolean, size text, replication_factor integer,
    disk boolean, availability_zones text[], introspection_debugging boolean, introspection_interval interval);
CREATE TABLE mz_catalog.mz_cluster_replicas (
    id text, name text, cluster_id text, size text, availability_zone text, owner_id text, disk boolean);
CREATE TABLE mz_catalog.mz_cluster_replica_sizes (
    size text, processes bigint, workers bigint, cpu_nano_cores bigint, memory_bytes bigint, disk_bytes bigint,
    credits_per_hour numeric);
CREATE TABLE mz_catalog.mz_objects (
    id text, oid oid, schema_id text, name text, type text, owner_id text, cluster_id text, privileges text[]);
CREATE TABLE mz_catalog.mz_materialized_views (
    id text, oid oid, schema_id text, name text, cluster_id text, definition text, owner_id text, privileges text[],
    create_sql text, redacted_create_sql text);
CREATE TABLE mz_catalog.mz_indexes (
    id text, oid oid, name text, on_id text, cluster_id text, owner_id text, create_sql text, redacted_create_sql text);
CREATE TABLE mz_catalog.mz_sources (
    id text, oid oid, schema_id text, name text, type text, connection_id text, size text, envelope_type text,
    key_format text, value_format text, cluster_id text, owner_id text, privileges text[], create_sql text,
    redacted_create_sql text);
CREATE TABLE mz_catalog.mz_sinks (
    id text, oid oid, schema_id text, name text, type text, connection_id text, size text, envelope_type text,
    format text, key_format text, value_format text, cluster_id text, owner_id text, create_sql text,
    redacted_create_sql text);
CREATE TABLE mz_catalog.mz_tables (
    id text, oid oid, schema_id text, name text, owner_id text, privileges text[], create_sql text,
    redacted_create_sql text, source_id text);
CREATE TABLE mz_catalog.mz_views (
    id text, oid oid, schema_id text, name text, definition text, owner_id text, privileges text[], create_sql text,
    redacted_create_sql text);
CREATE TABLE mz_catalog.mz_cluster_replica_frontiers (
    object_id text, replica_id text, write_frontier mz_catalog.mz_timestamp);

CREATE TABLE mz_internal.mz_object_dependencies (object_id text, referenced_object_id text);
CREATE TABLE mz_internal.mz_compute_dependencies (object_id text, dependency_id text);
CREATE TABLE mz_internal.mz_frontiers (
    object_id text, read_frontier mz_catalog.mz_timestamp, write_frontier mz_catalog.mz_timestamp);
CREATE TABLE mz_internal.mz_object_global_ids (id text, global_id text);
CREATE TABLE mz_internal.mz_hydration_statuses (object_id text, replica_id text, hydrated boolean);
CREATE TABLE mz_internal.mz_compute_hydration_statuses (
    object_id text, replica_id text, hydrated boolean, hydration_time interval);
CREATE TABLE mz_internal.mz_wallclock_global_lag (object_id text, lag interval);
CREATE TABLE mz_internal.mz_cluster_replica_statuses (
    replica_id text, process_id bigint, status text, reason text, updated_at timestamptz);
CREATE TABLE mz_internal.mz_cluster_replica_status_history (
    replica_id text, process_id bigint, status text, reason text, occurred_at timestamptz);
CREATE TABLE mz_internal.mz_replacements (id text, target_id text);
CREATE TABLE mz_internal.mz_history_retention_strategies (id text, strategy text, value jsonb);
CREATE TABLE mz_internal.mz_source_statuses (
    id text, name text, type text, last_status_change_at timestamptz, status text, error text, details jsonb);
CREATE TABLE mz_internal.mz_sink_statuses (
    id text, name text, type text, last_status_change_at timestamptz, status text, error text, details jsonb);

-- Databases and schemas: the system schemas have no database.
INSERT INTO mz_catalog.mz_databases VALUES ('u1', 16384, 'materialize', 'u1', NULL);
INSERT INTO mz_catalog.mz_schemas VALUES
    ('s1', 16385, NULL, 'mz_catalog', 's1', NULL),
    ('s2', 16386, NULL, 'mz_internal', 's1', NULL),
    ('u3', 16387, 'u1', 'public', 'u1', NULL),
    ('u4', 16388, 'u1', 'scratch', 'u1', NULL);

-- The system relations themselves, as Materialize lists them in mz_objects.
INSERT INTO mz_catalog.mz_objects (id, oid, schema_id, name, type, owner_id)
SELECT 's' || (100 + row_number() OVER (ORDER BY table_schema, table_name)), NULL,
       CASE table_schema WHEN 'mz_catalog' THEN 's1' ELSE 's2' END, table_name, 'source', 's1'
FROM information_schema.tables WHERE table_schema IN ('mz_catalog', 'mz_internal');

-- Clusters: system clusters (s…) are left out of snapshots; mz_catalog_server is one.
INSERT INTO mz_catalog.mz_clusters (id, name, owner_id, managed, size, replication_factor, disk) VALUES
    ('s2', 'mz_catalog_server', 's1', true, '50cc', 1, false)
,
    ('u2', 'ingest', 'u1', true, '100cc', 1, true),
    ('u3', 'compute', 'u1', true, '400cc', 1, true),
    ('u4', 'serving', 'u1', true, '100cc', 1, true),
    ('u5', 'sinks', 'u1', true, '25cc', 1, true);

-- Replica ids are their own namespace; here each cluster has one replica r1.
INSERT INTO mz_catalog.mz_cluster_replicas VALUES
    ('s2', 'r1', 's2', '50cc', NULL, 's1', false)
,
    ('u102', 'r1', 'u2', '100cc', 'use1-az1', 'u1', true),
    ('u103', 'r1', 'u3', '400cc', 'use1-az1', 'u1', true),
    ('u104', 'r1', 'u4', '100cc', 'use1-az1', 'u1', true),
    ('u105', 'r1', 'u5', '25cc', 'use1-az1', 'u1', true);

-- Statuses per process: serving's replica runs two processes.
INSERT INTO mz_internal.mz_cluster_replica_statuses VALUES
    ('u102', 0, 'online', NULL, now() - INTERVAL '3 days'),
    ('u103', 0, 'online', NULL, now() - INTERVAL '3 days'),
    ('u104', 0, 'online', NULL, now() - INTERVAL '2 hours'),
    ('u104', 1, 'online', NULL, now() - INTERVAL '2 hours'),
    ('u105', 0, 'online', NULL, now() - INTERVAL '3 days');

-- serving's replica was OOM-killed once two hours ago and twice two days ago (outside the window).
INSERT INTO mz_internal.mz_cluster_replica_status_history VALUES
    ('u104', 0, 'offline', 'oom-killed', now() - INTERVAL '2 hours'),
    ('u104', 0, 'online', NULL, now() - INTERVAL '2 hours' + INTERVAL '40 seconds'),
    ('u104', 0, 'offline', 'oom-killed', now() - INTERVAL '2 days'),
    ('u104', 1, 'offline', 'oom-killed', now() - INTERVAL '2 days'),
    ('u103', 0, 'offline', 'not-ready', now() - INTERVAL '5 hours');

INSERT INTO mz_catalog.mz_cluster_replica_sizes VALUES
    ('25cc', 1, 1, 500000000, 2147483648, 17179869184, 0.25),
    ('50cc', 1, 2, 1000000000, 4294967296, 34359738368, 0.5),
    ('100cc', 1, 4, 2000000000, 8589934592, 68719476736, 1.0),
    ('200cc', 1, 8, 4000000000, 17179869184, 137438953472, 2.0),
    ('400cc', 1, 16, 8000000000, 34359738368, 274877906944, 4.0),
    ('800cc', 1, 32, 16000000000, 68719476736, 549755813888, 8.0);

-- Connections and a secret: in mz_objects, but never in a snapshot.
INSERT INTO mz_catalog.mz_objects VALUES
    ('u2', 20001, 'u3', 'stripe_signing_secret', 'secret', 'u1', NULL, NULL),
    ('u3', 20002, 'u3', 'pg_conn', 'connection', 'u1', NULL, NULL),
    ('u4', 20003, 'u3', 'kafka_conn', 'connection', 'u1', NULL, NULL);

-- User objects.
INSERT INTO mz_catalog.mz_objects VALUES ('u5', 20001, 'u3', 'pg_shop', 'source', 'u1', 'u2', NULL);
INSERT INTO mz_catalog.mz_sources (id, oid, schema_id, name, type, connection_id, cluster_id, owner_id, create_sql) VALUES
    ('u5', 20001, 'u3', 'pg_shop', 'postgres', 'u3', 'u2', 'u1',
    'CREATE SOURCE "materialize"."public"."pg_shop" IN CLUSTER [u2] FROM POSTGRES CONNECTION [u3 AS "materialize"."public"."pg_conn"] (PUBLICATION = ''mz_shop'', DETAILS = ''0a6c7e5b445f415092011a2112be027f56d57cd129'') EXPOSE PROGRESS AS [u6 AS "materialize"."public"."pg_shop_progress"]');
INSERT INTO mz_catalog.mz_objects VALUES ('u6', 20002, 'u3', 'pg_shop_progress', 'source', 'u1', 'u2', NULL);
INSERT INTO mz_catalog.mz_sources (id, oid, schema_id, name, type, connection_id, cluster_id, owner_id, create_sql) VALUES
    ('u6', 20002, 'u3', 'pg_shop_progress', 'progress', NULL, 'u2', 'u1',
    'CREATE SUBSOURCE "materialize"."public"."pg_shop_progress" ("lsn" "pg_catalog"."uint8") WITH (PROGRESS = true)');
INSERT INTO mz_catalog.mz_objects VALUES ('u7', 20003, 'u3', 'orders', 'source', 'u1', 'u2', NULL);
INSERT INTO mz_catalog.mz_sources (id, oid, schema_id, name, type, connection_id, cluster_id, owner_id, create_sql) VALUES
    ('u7', 20003, 'u3', 'orders', 'subsource', NULL, 'u2', 'u1',
    'CREATE SUBSOURCE "materialize"."public"."orders" ("id" "pg_catalog"."int8" NOT NULL, "customer_id" "pg_catalog"."int8" NOT NULL, "status" "pg_catalog"."text" NOT NULL, "total" "pg_catalog"."numeric"(12, 2) NOT NULL, "created_at" "pg_catalog"."timestamptz" NOT NULL, CONSTRAINT "orders_pkey" PRIMARY KEY ("id")) OF SOURCE [u5 AS "materialize"."public"."pg_shop"] WITH (EXTERNAL REFERENCE = "shop"."public"."orders", DETAILS = ''0a81ae224349cac204448738063175fae7cca61f0a'')');
INSERT INTO mz_catalog.mz_objects VALUES ('u8', 20004, 'u3', 'order_items', 'source', 'u1', 'u2', NULL);
INSERT INTO mz_catalog.mz_sources (id, oid, schema_id, name, type, connection_id, cluster_id, owner_id, create_sql) VALUES
    ('u8', 20004, 'u3', 'order_items', 'subsource', NULL, 'u2', 'u1',
    'CREATE SUBSOURCE "materialize"."public"."order_items" ("id" "pg_catalog"."int8" NOT NULL, "order_id" "pg_catalog"."int8" NOT NULL, "product_id" "pg_catalog"."int8" NOT NULL, "quantity" "pg_catalog"."int4" NOT NULL, "unit_price" "pg_catalog"."numeric"(12, 2) NOT NULL, CONSTRAINT "order_items_pkey" PRIMARY KEY ("id")) OF SOURCE [u5 AS "materialize"."public"."pg_shop"] WITH (EXTERNAL REFERENCE = "shop"."public"."order_items", DETAILS = ''0ae3d0db359d4d3cbb4a5f5842270f46d870175274'')');
INSERT INTO mz_catalog.mz_objects VALUES ('u9', 20005, 'u3', 'customers', 'source', 'u1', 'u2', NULL);
INSERT INTO mz_catalog.mz_sources (id, oid, schema_id, name, type, connection_id, cluster_id, owner_id, create_sql) VALUES
    ('u9', 20005, 'u3', 'customers', 'subsource', NULL, 'u2', 'u1',
    'CREATE SUBSOURCE "materialize"."public"."customers" ("id" "pg_catalog"."int8" NOT NULL, "email" "pg_catalog"."text" NOT NULL, "region" "pg_catalog"."text" NOT NULL, "created_at" "pg_catalog"."timestamptz" NOT NULL, CONSTRAINT "customers_pkey" PRIMARY KEY ("id")) OF SOURCE [u5 AS "materialize"."public"."pg_shop"] WITH (EXTERNAL REFERENCE = "shop"."public"."customers", DETAILS = ''0ade5a797569115eb5bba9692f4c16ab3ffc1d832c'')');
INSERT INTO mz_catalog.mz_objects VALUES ('u10', 20006, 'u3', 'products', 'source', 'u1', 'u2', NULL);
INSERT INTO mz_catalog.mz_sources (id, oid, schema_id, name, type, connection_id, cluster_id, owner_id, create_sql) VALUES
    ('u10', 20006, 'u3', 'products', 'subsource', NULL, 'u2', 'u1',
    'CREATE SUBSOURCE "materialize"."public"."products" ("id" "pg_catalog"."int8" NOT NULL, "name" "pg_catalog"."text" NOT NULL, "category" "pg_catalog"."text" NOT NULL, "price" "pg_catalog"."numeric"(12, 2) NOT NULL, CONSTRAINT "products_pkey" PRIMARY KEY ("id")) OF SOURCE [u5 AS "materialize"."public"."pg_shop"] WITH (EXTERNAL REFERENCE = "shop"."public"."products", DETAILS = ''0a2e62da45d0ed29996fb0d76ae3d8e85e3c3c78e7'')');
INSERT INTO mz_catalog.mz_objects VALUES ('u11', 20007, 'u3', 'kafka_clicks', 'source', 'u1', 'u2', NULL);
INSERT INTO mz_catalog.mz_sources (id, oid, schema_id, name, type, connection_id, cluster_id, owner_id, create_sql) VALUES
    ('u11', 20007, 'u3', 'kafka_clicks', 'kafka', 'u4', 'u2', 'u1',
    'CREATE SOURCE "materialize"."public"."kafka_clicks" IN CLUSTER [u2] FROM KAFKA CONNECTION [u4 AS "materialize"."public"."kafka_conn"] (TOPIC = ''shop.clicks'') FORMAT JSON ENVELOPE NONE');
INSERT INTO mz_catalog.mz_objects VALUES ('u12', 20008, 'u3', 'stripe_webhook', 'source', 'u1', 'u2', NULL);
INSERT INTO mz_catalog.mz_sources (id, oid, schema_id, name, type, connection_id, cluster_id, owner_id, create_sql) VALUES
    ('u12', 20008, 'u3', 'stripe_webhook', 'webhook', NULL, 'u2', 'u1',
    'CREATE SOURCE "materialize"."public"."stripe_webhook" IN CLUSTER [u2] FROM WEBHOOK BODY FORMAT JSON INCLUDE HEADERS CHECK (WITH (HEADERS, BODY AS "request_body", SECRET [u2 AS "materialize"."public"."stripe_signing_secret"]) "pg_catalog"."constant_time_eq"("headers" -> ''stripe-signature'', "stripe_signing_secret"))');
INSERT INTO mz_catalog.mz_objects VALUES ('u13', 20009, 'u3', 'order_lines', 'view', 'u1', NULL, NULL);
INSERT INTO mz_catalog.mz_views VALUES ('u13', 20009, 'u3', 'order_lines',
    'SELECT "o"."id" AS "order_id", "o"."customer_id", "o"."created_at", "i"."product_id", "p"."category", "i"."quantity", "i"."unit_price" * "i"."quantity" AS "line_total" FROM [u7 AS "materialize"."public"."orders"] AS "o" JOIN [u8 AS "materialize"."public"."order_items"] AS "i" ON "i"."order_id" = "o"."id" JOIN [u10 AS "materialize"."public"."products"] AS "p" ON "p"."id" = "i"."product_id";',
    'u1', NULL,
    'CREATE VIEW "materialize"."public"."order_lines" AS SELECT "o"."id" AS "order_id", "o"."customer_id", "o"."created_at", "i"."product_id", "p"."category", "i"."quantity", "i"."unit_price" * "i"."quantity" AS "line_total" FROM [u7 AS "materialize"."public"."orders"] AS "o" JOIN [u8 AS "materialize"."public"."order_items"] AS "i" ON "i"."order_id" = "o"."id" JOIN [u10 AS "materialize"."public"."products"] AS "p" ON "p"."id" = "i"."product_id"',
    NULL);
INSERT INTO mz_catalog.mz_objects VALUES ('u14', 20010, 'u3', 'order_lines_idx', 'index', 'u1', 'u3', NULL);
INSERT INTO mz_catalog.mz_indexes VALUES ('u14', 20010, 'order_lines_idx', 'u13', 'u3', 'u1',
    'CREATE INDEX "order_lines_idx" IN CLUSTER [u3] ON [u13 AS "materialize"."public"."order_lines"] ("order_id")',
    NULL);
INSERT INTO mz_catalog.mz_objects VALUES ('u15', 20011, 'u3', 'orders_enriched', 'materialized-view', 'u1', 'u3', NULL);
INSERT INTO mz_catalog.mz_materialized_views VALUES ('u15', 20011, 'u3', 'orders_enriched', 'u3',
    'SELECT "l"."order_id", "l"."customer_id", "c"."region", "l"."created_at", "pg_catalog"."sum"("l"."line_total") AS "order_total", "pg_catalog"."count"(*) AS "line_count" FROM [u13 AS "materialize"."public"."order_lines"] AS "l" JOIN [u9 AS "materialize"."public"."customers"] AS "c" ON "c"."id" = "l"."customer_id" GROUP BY "l"."order_id", "l"."customer_id", "c"."region", "l"."created_at";',
    'u1', NULL,
    'CREATE MATERIALIZED VIEW "materialize"."public"."orders_enriched" IN CLUSTER [u3] WITH (REFRESH = ON COMMIT) AS SELECT "l"."order_id", "l"."customer_id", "c"."region", "l"."created_at", "pg_catalog"."sum"("l"."line_total") AS "order_total", "pg_catalog"."count"(*) AS "line_count" FROM [u13 AS "materialize"."public"."order_lines"] AS "l" JOIN [u9 AS "materialize"."public"."customers"] AS "c" ON "c"."id" = "l"."customer_id" GROUP BY "l"."order_id", "l"."customer_id", "c"."region", "l"."created_at" AS OF 1763510417000',
    NULL);
INSERT INTO mz_catalog.mz_objects VALUES ('u16', 20012, 'u3', 'revenue_by_region', 'materialized-view', 'u1', 'u3', NULL);
INSERT INTO mz_catalog.mz_materialized_views VALUES ('u16', 20012, 'u3', 'revenue_by_region', 'u3',
    'SELECT "region", "pg_catalog"."date_trunc"(''day'', "created_at") AS "day", "pg_catalog"."sum"("order_total") AS "revenue", "pg_catalog"."count"(*) AS "orders" FROM [u15 AS "materialize"."public"."orders_enriched"] GROUP BY "region", "pg_catalog"."date_trunc"(''day'', "created_at");',
    'u1', NULL,
    'CREATE MATERIALIZED VIEW "materialize"."public"."revenue_by_region" IN CLUSTER [u3] WITH (REFRESH = ON COMMIT) AS SELECT "region", "pg_catalog"."date_trunc"(''day'', "created_at") AS "day", "pg_catalog"."sum"("order_total") AS "revenue", "pg_catalog"."count"(*) AS "orders" FROM [u15 AS "materialize"."public"."orders_enriched"] GROUP BY "region", "pg_catalog"."date_trunc"(''day'', "created_at") AS OF 1763510482000',
    NULL);
INSERT INTO mz_catalog.mz_objects VALUES ('u17', 20013, 'u3', 'orders_by_region_idx', 'index', 'u1', 'u3', NULL);
INSERT INTO mz_catalog.mz_indexes VALUES ('u17', 20013, 'orders_by_region_idx', 'u16', 'u3', 'u1',
    'CREATE INDEX "orders_by_region_idx" IN CLUSTER [u3] ON [u16 AS "materialize"."public"."revenue_by_region"] ("region")',
    NULL);
INSERT INTO mz_catalog.mz_objects VALUES ('u18', 20014, 'u3', 'customer_ltv', 'materialized-view', 'u1', 'u3', NULL);
INSERT INTO mz_catalog.mz_materialized_views VALUES ('u18', 20014, 'u3', 'customer_ltv', 'u3',
    'SELECT "c"."id" AS "customer_id", "c"."email", "c"."region", "pg_catalog"."count"("o"."id") AS "orders", "pg_catalog"."sum"("o"."total") AS "lifetime_value", "pg_catalog"."max"("o"."created_at") AS "last_order_at" FROM [u9 AS "materialize"."public"."customers"] AS "c" JOIN [u7 AS "materialize"."public"."orders"] AS "o" ON "o"."customer_id" = "c"."id" WHERE "o"."status" <> ''cancelled'' GROUP BY "c"."id", "c"."email", "c"."region";',
    'u1', NULL,
    'CREATE MATERIALIZED VIEW "materialize"."public"."customer_ltv" IN CLUSTER [u3] WITH (REFRESH = ON COMMIT) AS SELECT "c"."id" AS "customer_id", "c"."email", "c"."region", "pg_catalog"."count"("o"."id") AS "orders", "pg_catalog"."sum"("o"."total") AS "lifetime_value", "pg_catalog"."max"("o"."created_at") AS "last_order_at" FROM [u9 AS "materialize"."public"."customers"] AS "c" JOIN [u7 AS "materialize"."public"."orders"] AS "o" ON "o"."customer_id" = "c"."id" WHERE "o"."status" <> ''cancelled'' GROUP BY "c"."id", "c"."email", "c"."region" AS OF 1763596855000',
    NULL);
INSERT INTO mz_catalog.mz_objects VALUES ('u19', 20015, 'u3', 'clicks_per_product', 'materialized-view', 'u1', 'u3', NULL);
INSERT INTO mz_catalog.mz_materialized_views VALUES ('u19', 20015, 'u3', 'clicks_per_product', 'u3',
    'SELECT ("data" ->> ''product_id'')::"pg_catalog"."int8" AS "product_id", "pg_catalog"."count"(*) AS "clicks" FROM [u11 AS "materialize"."public"."kafka_clicks"] GROUP BY ("data" ->> ''product_id'')::"pg_catalog"."int8";',
    'u1', NULL,
    'CREATE MATERIALIZED VIEW "materialize"."public"."clicks_per_product" IN CLUSTER [u3] WITH (REFRESH = ON COMMIT) AS SELECT ("data" ->> ''product_id'')::"pg_catalog"."int8" AS "product_id", "pg_catalog"."count"(*) AS "clicks" FROM [u11 AS "materialize"."public"."kafka_clicks"] GROUP BY ("data" ->> ''product_id'')::"pg_catalog"."int8" AS OF 1763600120000',
    NULL);
INSERT INTO mz_catalog.mz_objects VALUES ('u20', 20016, 'u3', 'funnel', 'materialized-view', 'u1', 'u3', NULL);
INSERT INTO mz_catalog.mz_materialized_views VALUES ('u20', 20016, 'u3', 'funnel', 'u3',
    'SELECT ''clicks'' AS "stage", "pg_catalog"."sum"("clicks")::"pg_catalog"."numeric" AS "value" FROM [u19 AS "materialize"."public"."clicks_per_product"] UNION ALL SELECT ''revenue'' AS "stage", "pg_catalog"."sum"("revenue") AS "value" FROM [u16 AS "materialize"."public"."revenue_by_region"];',
    'u1', NULL,
    'CREATE MATERIALIZED VIEW "materialize"."public"."funnel" IN CLUSTER [u3] WITH (REFRESH = ON COMMIT) AS SELECT ''clicks'' AS "stage", "pg_catalog"."sum"("clicks")::"pg_catalog"."numeric" AS "value" FROM [u19 AS "materialize"."public"."clicks_per_product"] UNION ALL SELECT ''revenue'' AS "stage", "pg_catalog"."sum"("revenue") AS "value" FROM [u16 AS "materialize"."public"."revenue_by_region"] AS OF 1763600301000',
    NULL);
INSERT INTO mz_catalog.mz_objects VALUES ('u21', 20017, 'u3', 'funnel_idx', 'index', 'u1', 'u3', NULL);
INSERT INTO mz_catalog.mz_indexes VALUES ('u21', 20017, 'funnel_idx', 'u20', 'u3', 'u1',
    'CREATE INDEX "funnel_idx" IN CLUSTER [u3] ON [u20 AS "materialize"."public"."funnel"] ("stage")',
    NULL);
INSERT INTO mz_catalog.mz_objects VALUES ('u22', 20018, 'u3', 'payments', 'materialized-view', 'u1', 'u3', NULL);
INSERT INTO mz_catalog.mz_materialized_views VALUES ('u22', 20018, 'u3', 'payments', 'u3',
    'SELECT "body" ->> ''id'' AS "event_id", "body" ->> ''type'' AS "event_type", ("body" -> ''data'' -> ''object'' ->> ''amount'')::"pg_catalog"."int8" AS "amount_cents", "body" -> ''data'' -> ''object'' ->> ''currency'' AS "currency" FROM [u12 AS "materialize"."public"."stripe_webhook"] WHERE "body" ->> ''type'' LIKE ''payment_intent.%'';',
    'u1', NULL,
    'CREATE MATERIALIZED VIEW "materialize"."public"."payments" IN CLUSTER [u3] WITH (RETAIN HISTORY = FOR ''1h'', REFRESH = ON COMMIT) AS SELECT "body" ->> ''id'' AS "event_id", "body" ->> ''type'' AS "event_type", ("body" -> ''data'' -> ''object'' ->> ''amount'')::"pg_catalog"."int8" AS "amount_cents", "body" -> ''data'' -> ''object'' ->> ''currency'' AS "currency" FROM [u12 AS "materialize"."public"."stripe_webhook"] WHERE "body" ->> ''type'' LIKE ''payment_intent.%'' AS OF 1763682033000',
    NULL);
INSERT INTO mz_catalog.mz_objects VALUES ('u23', 20019, 'u3', 'funnel_sink', 'sink', 'u1', 'u5', NULL);
INSERT INTO mz_catalog.mz_sinks (id, oid, schema_id, name, type, connection_id, envelope_type, cluster_id, owner_id, create_sql) VALUES
    ('u23', 20019, 'u3', 'funnel_sink', 'kafka', 'u4', 'upsert', 'u5', 'u1',
    'CREATE SINK "materialize"."public"."funnel_sink" IN CLUSTER [u5] FROM [u20 AS "materialize"."public"."funnel"] INTO KAFKA CONNECTION [u4 AS "materialize"."public"."kafka_conn"] (TOPIC = ''shop.funnel'') KEY ("stage") NOT ENFORCED FORMAT JSON ENVELOPE UPSERT');
INSERT INTO mz_catalog.mz_objects VALUES ('u24', 20020, 'u3', 'customers_by_id_idx', 'index', 'u1', 'u4', NULL);
INSERT INTO mz_catalog.mz_indexes VALUES ('u24', 20020, 'customers_by_id_idx', 'u9', 'u4', 'u1',
    'CREATE INDEX "customers_by_id_idx" IN CLUSTER [u4] ON [u9 AS "materialize"."public"."customers"] ("id")',
    NULL);
INSERT INTO mz_catalog.mz_objects VALUES ('u25', 20021, 'u4', 'big_orders', 'materialized-view', 'u1', 'u4', NULL);
INSERT INTO mz_catalog.mz_materialized_views VALUES ('u25', 20021, 'u4', 'big_orders', 'u4',
    'SELECT "id", "customer_id", "total", "created_at" FROM [u7 AS "materialize"."public"."orders"] WHERE "total" > 1000;',
    'u1', NULL,
    'CREATE MATERIALIZED VIEW "materialize"."scratch"."big_orders" IN CLUSTER [u4] WITH (REFRESH = ON COMMIT) AS SELECT "id", "customer_id", "total", "created_at" FROM [u7 AS "materialize"."public"."orders"] WHERE "total" > 1000 AS OF 1764028800000',
    NULL);
INSERT INTO mz_catalog.mz_objects VALUES ('u26', 20022, 'u4', 'big_orders_v2', 'materialized-view', 'u1', 'u4', NULL);
INSERT INTO mz_catalog.mz_materialized_views VALUES ('u26', 20022, 'u4', 'big_orders_v2', 'u4',
    'SELECT "id", "customer_id", "total", "created_at" FROM [u7 AS "materialize"."public"."orders"] WHERE "total" > 2000;',
    'u1', NULL,
    'CREATE MATERIALIZED VIEW "materialize"."scratch"."big_orders_v2" IN CLUSTER [u4] WITH (REFRESH = ON COMMIT) AS SELECT "id", "customer_id", "total", "created_at" FROM [u7 AS "materialize"."public"."orders"] WHERE "total" > 2000 AS OF 1764115190000',
    NULL);

-- Logical dependencies, including ones on connections and secrets (left out of snapshots).
INSERT INTO mz_internal.mz_object_dependencies VALUES
    ('u6', 'u5'),
    ('u7', 'u5'),
    ('u8', 'u5'),
    ('u9', 'u5'),
    ('u10', 'u5'),
    ('u13', 'u7'),
    ('u13', 'u8'),
    ('u13', 'u10'),
    ('u14', 'u13'),
    ('u15', 'u13'),
    ('u15', 'u9'),
    ('u16', 'u15'),
    ('u17', 'u16'),
    ('u18', 'u9'),
    ('u18', 'u7'),
    ('u19', 'u11'),
    ('u20', 'u19'),
    ('u20', 'u16'),
    ('u21', 'u20'),
    ('u22', 'u12'),
    ('u23', 'u20'),
    ('u24', 'u9'),
    ('u25', 'u7'),
    ('u26', 'u7'),
    ('u5', 'u3'),
    ('u11', 'u4'),
    ('u12', 'u2'),
    ('u23', 'u4');

-- GlobalIds: every object has one equal to its catalog id, except orders_enriched (u15), which after
-- APPLY REPLACEMENT writes as u31 and keeps its retired GlobalId u15.
INSERT INTO mz_internal.mz_object_global_ids VALUES
    ('u5', 'u5'),
    ('u6', 'u6'),
    ('u7', 'u7'),
    ('u8', 'u8'),
    ('u9', 'u9'),
    ('u10', 'u10'),
    ('u11', 'u11'),
    ('u12', 'u12'),
    ('u13', 'u13'),
    ('u14', 'u14'),
    ('u15', 'u15'),
    ('u16', 'u16'),
    ('u17', 'u17'),
    ('u18', 'u18'),
    ('u19', 'u19'),
    ('u20', 'u20'),
    ('u21', 'u21'),
    ('u22', 'u22'),
    ('u23', 'u23'),
    ('u24', 'u24'),
    ('u25', 'u25'),
    ('u26', 'u26'),
    ('u15', 'u31');

-- Dataflow imports, reported with GlobalIds.
INSERT INTO mz_internal.mz_compute_dependencies VALUES
    ('u14', 'u7'),
    ('u14', 'u8'),
    ('u14', 'u10'),
    ('u31', 'u14'),
    ('u31', 'u9'),
    ('u16', 'u31'),
    ('u17', 'u16'),
    ('u18', 'u7'),
    ('u18', 'u9'),
    ('u19', 'u11'),
    ('u20', 'u19'),
    ('u20', 'u17'),
    ('u21', 'u20'),
    ('u22', 'u12'),
    ('u24', 'u9'),
    ('u25', 'u7'),
    ('u26', 'u7');

-- Frontiers by GlobalId; the retired u15 stopped advancing when the replacement was applied.
INSERT INTO mz_internal.mz_frontiers VALUES
    ('u5', 1764115199000, 1764115200000),
    ('u6', 1764115199000, 1764115200000),
    ('u7', 1764115196000, 1764115200000),
    ('u8', 1764115198600, 1764115200000),
    ('u9', 1764115196000, 1764115200000),
    ('u10', 1764115198600, 1764115200000),
    ('u11', 1764115198200, 1764115199850),
    ('u12', 1764111599750, 1764115199900),
    ('u14', 1764115198600, 1764115199600),
    ('u31', 1764115198350, 1764115199500),
    ('u16', 1764115198350, 1764115199400),
    ('u17', 1764115198350, 1764115199350),
    ('u18', 1764115196000, 1764115197000),
    ('u19', 1764115198200, 1764115199700),
    ('u20', 1764115198200, 1764115199300),
    ('u21', 1764115198250, 1764115199250),
    ('u22', 1764111599750, 1764115199750),
    ('u23', 1764115198200, 1764115199200),
    ('u24', 1764115199000, 1764115200000),
    ('u25', 1764115198550, 1764115199550),
    ('u26', 1764115198550, 1764115199550),
    ('u15', 1764028700000, 1764028800000);

-- Per-replica frontiers of dataflows. The replacement u26 is registered read-only on u25's shard, so its
-- mz_frontiers row above mirrors u25's; only its dataflow's frontier on the replica shows its own progress.
INSERT INTO mz_catalog.mz_cluster_replica_frontiers VALUES
    ('u25', 'u104', 1764115199550),
    ('u26', 'u104', 1764115190000);

-- Hydration per replica (subsources and sources included; Materialize reports none for webhook sources and
-- progress relations), hydration times for dataflows.
INSERT INTO mz_internal.mz_hydration_statuses VALUES
    ('u5', 'u102', true),
    ('u7', 'u102', true),
    ('u8', 'u102', true),
    ('u9', 'u102', true),
    ('u10', 'u102', true),
    ('u11', 'u102', true),
    ('u14', 'u103', true),
    ('u31', 'u103', true),
    ('u16', 'u103', true),
    ('u17', 'u103', true),
    ('u18', 'u103', true),
    ('u19', 'u103', true),
    ('u20', 'u103', true),
    ('u21', 'u103', true),
    ('u22', 'u103', true),
    ('u23', 'u105', true),
    ('u24', 'u104', true),
    ('u25', 'u104', true),
    ('u26', 'u104', false);
INSERT INTO mz_internal.mz_compute_hydration_statuses VALUES
    ('u14', 'u103', true, INTERVAL '61.0 seconds'),
    ('u31', 'u103', true, INTERVAL '48.0 seconds'),
    ('u16', 'u103', true, INTERVAL '12.0 seconds'),
    ('u17', 'u103', true, INTERVAL '4.0 seconds'),
    ('u18', 'u103', true, INTERVAL '95.0 seconds'),
    ('u19', 'u103', true, INTERVAL '27.0 seconds'),
    ('u20', 'u103', true, INTERVAL '9.0 seconds'),
    ('u21', 'u103', true, INTERVAL '2.0 seconds'),
    ('u22', 'u103', true, INTERVAL '15.0 seconds'),
    ('u24', 'u104', true, INTERVAL '21.0 seconds'),
    ('u25', 'u104', true, INTERVAL '33.0 seconds');

-- Wallclock lag.
INSERT INTO mz_internal.mz_wallclock_global_lag VALUES
    ('u5', INTERVAL '0.0 seconds'),
    ('u6', INTERVAL '0.0 seconds'),
    ('u7', INTERVAL '0.0 seconds'),
    ('u8', INTERVAL '0.0 seconds'),
    ('u9', INTERVAL '0.0 seconds'),
    ('u10', INTERVAL '0.0 seconds'),
    ('u11', INTERVAL '0.15 seconds'),
    ('u12', INTERVAL '0.1 seconds'),
    ('u14', INTERVAL '0.4 seconds'),
    ('u31', INTERVAL '0.5 seconds'),
    ('u16', INTERVAL '0.6 seconds'),
    ('u17', INTERVAL '0.65 seconds'),
    ('u18', INTERVAL '3.0 seconds'),
    ('u19', INTERVAL '0.3 seconds'),
    ('u20', INTERVAL '0.7 seconds'),
    ('u21', INTERVAL '0.75 seconds'),
    ('u22', INTERVAL '0.25 seconds'),
    ('u23', INTERVAL '0.8 seconds'),
    ('u24', INTERVAL '0.0 seconds'),
    ('u25', INTERVAL '0.45 seconds'),
    ('u26', INTERVAL '9.45 seconds');

-- Retention: only payments keeps history beyond the default (RETAIN HISTORY FOR '1h').
INSERT INTO mz_internal.mz_history_retention_strategies VALUES ('u22', 'FOR', '3600000');

-- A replacement in flight: scratch.big_orders_v2 will replace scratch.big_orders.
INSERT INTO mz_internal.mz_replacements VALUES ('u26', 'u25');

-- Source and sink statuses.
INSERT INTO mz_internal.mz_source_statuses VALUES
    ('u5', 'pg_shop', 'postgres', now() - INTERVAL '3 days', 'running', NULL, NULL),
    ('u6', 'pg_shop_progress', 'progress', now() - INTERVAL '3 days', 'running', NULL, NULL),
    ('u7', 'orders', 'subsource', now() - INTERVAL '3 days', 'running', NULL, NULL),
    ('u8', 'order_items', 'subsource', now() - INTERVAL '3 days', 'running', NULL, NULL),
    ('u9', 'customers', 'subsource', now() - INTERVAL '3 days', 'running', NULL, NULL),
    ('u10', 'products', 'subsource', now() - INTERVAL '3 days', 'running', NULL, NULL),
    ('u11', 'kafka_clicks', 'kafka', now() - INTERVAL '3 days', 'running', NULL, NULL),
    ('u12', 'stripe_webhook', 'webhook', now() - INTERVAL '3 days', 'running', NULL, NULL);
INSERT INTO mz_internal.mz_sink_statuses VALUES
    ('u23', 'funnel_sink', 'kafka', now() - INTERVAL '3 days', 'running', NULL, NULL);

-- Apply's lock (SPEC §6.1): Materialize keeps `COMMENT ON SCHEMA _mzplan_lock` in mz_internal.mz_comments,
-- keyed by the schema's mz_schemas id. Here mz_comments is a view over pg_description, and an event trigger
-- mirrors the schemas mzplan creates (`_mzplan_lock`, `_mzplan`) into mz_schemas as ids 'p<oid>'.
-- Created after the system relations were listed in mz_objects, so the reader's snapshot is unchanged.
CREATE VIEW mz_internal.mz_comments AS
SELECT 'p' || d.objoid::text AS id, 'schema'::text AS object_type, NULL::integer AS object_sub_id, d.description AS comment
FROM pg_description d WHERE d.classoid = 'pg_namespace'::regclass;

CREATE FUNCTION mz_internal.mzplan_mirror_schemas() RETURNS event_trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
    DELETE FROM mz_catalog.mz_schemas WHERE id LIKE 'p%';
    INSERT INTO mz_catalog.mz_schemas (id, oid, database_id, name, owner_id)
    SELECT 'p' || n.oid::text, n.oid, (SELECT min(id) FROM mz_catalog.mz_databases), n.nspname, 'u1'
    FROM pg_namespace n WHERE n.nspname LIKE '\_mzplan%';
END $$;

CREATE EVENT TRIGGER mzplan_mirror_schemas ON ddl_command_end WHEN TAG IN ('CREATE SCHEMA', 'DROP SCHEMA')
    EXECUTE FUNCTION mz_internal.mzplan_mirror_schemas();
