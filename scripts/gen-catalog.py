#!/usr/bin/env python3
"""Writes a synthetic, realistic mzplan catalog snapshot (SPEC §4) and a manifest (SPEC §3) for it.

    python3 scripts/gen-catalog.py --objects 100000 --seed 1 -o catalog.json --manifest-out mzplan.yaml

The snapshot has a few dozen clusters with replicas; sources of every type (PostgreSQL, MySQL and SQL Server
with subsources or tables from sources, Kafka with every envelope, load generators, webhooks with CHECK and
INCLUDE HEADERS); tables and views; chains and fan-in DAGs of materialized views, layered at most four deep
above the sources and reading mostly within their team, as real deployments are (so what a source feeds does
not grow with the catalog); indexes on views and materialized views; sinks. `create_sql` is in the purified,
resolved form Materialize stores (`IN CLUSTER [u1]`, `[u2 AS "db"."schema"."t"]` annotations, `DETAILS` on
replication sources and their subsources, no table list, `VERSION` on altered sinks, `AS OF` and `REFRESH` on
materialized views), with the options real catalogs carry mixed in at random: RETAIN HISTORY, REFRESH ON
COMMIT / EVERY / AT (sealed views), ASSERT NOT NULL, PARTITION BY, column lists, TEXT / EXCLUDE COLUMNS, sink KEY … NOT ENFORCED, HEADERS, FORMAT and ENVELOPE
variants; definitions carry annotations, string escapes, non-ASCII text and a trailing `;`. About 850 bytes
per object. The manifest places every placeable object (exact names and globs) and moves a few percent of
them (see `manifest`; `--source-moves blue-green` moves the sources blue-green). Output is deterministic for a seed.
"""
import argparse
import hashlib
import json
import random

TAKEN_AT_MS = 1764115200000
SIZES = ["25cc", "50cc", "100cc", "200cc", "400cc", "800cc", "1600cc"]
GIB = 1 << 30
# mz_cluster_replica_sizes as the snapshot lists it (SPEC §10.2): 1600cc runs two processes.
SIZE_ROWS = [
    {"size": size, "processes": 2 if size == "1600cc" else 1, "workers": 2 ** index,
     "memory_bytes": (2 * GIB) << min(index, 5), "credits_per_hour": 0.25 * 2 ** index}
    for index, size in enumerate(SIZES)
]
COLUMNS = ["id", "customer_id", "region", "amount", "status", "created_at", "updated_at", "sku", "quantity", "price"]
WORDS = ["orders", "customers", "payments", "shipments", "clicks", "sessions", "inventory", "refunds",
         "invoices", "events", "accounts", "products", "carts", "reviews", "returns", "ledger"]


def quote(identifier):
    return '"' + identifier.replace('"', '""') + '"'


def manifest_name(database, schema, name):
    """A fully qualified manifest name; parts that are not plain lowercase identifiers are quoted."""
    def part(p):
        plain = p and (p[0] == "_" or p[0].islower()) and all(c.islower() or c.isdigit() or c in "_$" for c in p)
        return p if plain and p.isascii() else quote(p)
    return ".".join(part(p) for p in (database, schema, name))


class Generator:
    def __init__(self, count, seed):
        self.rng = random.Random(seed)
        self.count = count
        self.next_id = 1000
        self.objects = []
        self.by_id = {}
        self.clusters = []
        self.depth = {}     # relation id -> lineage layer (sources and tables 0)
        self.lanes = {}     # team -> relations below the top layer, in creation order
        self.readable = []  # the same, of every team

    # ----- helpers -------------------------------------------------------------------------------------

    def new_id(self):
        self.next_id += 1
        return "u%d" % self.next_id

    def ref(self, obj):
        return "[%s AS %s.%s.%s]" % (obj["id"], quote(obj["database"]), quote(obj["schema"]), quote(obj["name"]))

    def cluster_ref(self, name):
        return "[%s]" % self.cluster_ids[name]

    def fqn(self, database, schema, name):
        return "%s.%s.%s" % (quote(database), quote(schema), quote(name))

    def frontier(self, obj, lag=None):
        lag = self.rng.choice([50, 120, 250, 400, 800, 1500, 3000]) if lag is None else lag
        retain = obj["retain_history_ms"] or 1000
        upper = TAKEN_AT_MS - lag
        obj.update(since_ms=upper - retain - self.rng.randint(0, 200), upper_ms=upper, lag_ms=lag)

    def add(self, kind, database, schema, name, cluster=None, **fields):
        obj = {
            "id": self.new_id(), "database": database, "schema": schema, "name": name, "kind": kind,
            "cluster": cluster, "create_sql": None, "definition": None, "on": None, "source_type": None,
            "depends_on": [], "imports": [], "since_ms": None, "upper_ms": None, "lag_ms": None,
            "hydrated": None, "hydration_time_ms": None, "retain_history_ms": None, "status": None,
            "sealed": False, "replacement_for": None, "memory_bytes": None,
        }
        obj.update(fields)
        self.objects.append(obj)
        self.by_id[obj["id"]] = obj
        return obj

    # ----- clusters -------------------------------------------------------------------------------------

    def make_clusters(self):
        teams = max(2, min(12, self.count // 4000 + 2))
        self.ingest = ["ingest_%d" % i for i in range(max(1, teams // 2))]
        self.compute = ["transform_%d" % i for i in range(teams)] + ["serving_%d" % i for i in range(teams)]
        self.sinks = ["sinks_%d" % i for i in range(max(1, teams // 3))]
        self.cluster_ids = {}
        replica_id = 100
        for index, name in enumerate(self.ingest + self.compute + self.sinks):
            size = self.rng.choice(SIZES[:5])
            factor = 1 if name.startswith(("ingest", "sinks")) else self.rng.choice([1, 1, 2])
            replicas = []
            for r in range(factor):
                replica_id += 1
                replicas.append({"id": "u%d" % replica_id, "name": "r%d" % (r + 1), "size": size,
                                 "status": "online" if self.rng.random() > 0.02 else "offline",
                                 "oom_kills_24h": 0 if self.rng.random() > 0.05 else self.rng.randint(1, 4)})
            cluster_id = "u%d" % (index + 2)
            self.cluster_ids[name] = cluster_id
            self.clusters.append({"id": cluster_id, "name": name, "managed": True, "size": size,
                                  "replication_factor": factor, "replicas": replicas})

    # ----- objects --------------------------------------------------------------------------------------

    def schema_for(self, team):
        return ("materialize", "team_%d" % team) if team % 3 else ("analytics", "team_%d" % team)

    # Types as Materialize resolves them in create_sql.
    TYPES = {"bigint": '[s20 AS "pg_catalog"."int8"]', "text": '[s25 AS "pg_catalog"."text"]',
             "numeric": '[s1700 AS "pg_catalog"."numeric"]', "timestamptz": '[s1184 AS "pg_catalog"."timestamptz"]'}

    def details(self, name):
        """A stand-in for the hex `DETAILS` purification stores (a protobuf in Materialize)."""
        return "0a" + hashlib.sha1(name.encode()).hexdigest()

    def column_defs(self, table, count=4, constraint=True):
        kinds = ["bigint", "bigint", "text", "numeric", "timestamptz", "text"]
        cols = ["%s %s NOT NULL" % (quote(c), self.TYPES[kinds[i % len(kinds)]]) for i, c in enumerate(COLUMNS[:count])]
        if constraint:
            cols.append("CONSTRAINT %s PRIMARY KEY (%s)" % (quote(table + "_pkey"), quote("id")))
        return ", ".join(cols)

    def progress(self, source):
        """The progress relation that `EXPOSE PROGRESS AS` names (old source syntax)."""
        name = source["name"] + "_progress"
        sql = "CREATE SUBSOURCE %s (%s %s) WITH (PROGRESS = true)" % (
            self.fqn(source["database"], source["schema"], name), quote("offset"), self.TYPES["bigint"])
        obj = self.add("subsource", source["database"], source["schema"], name, None, create_sql=sql,
                       source_type="progress", depends_on=[source["id"]], status="running")
        self.frontier(obj)
        return obj

    def subsources(self, source, upstreams, text_columns=False):
        """One subsource per upstream table: `CREATE SUBSOURCE … OF SOURCE … WITH (EXTERNAL REFERENCE = …, DETAILS = …)`."""
        relations = []
        for upstream in upstreams:
            table = upstream[-1]
            name = "%s_%s" % (source["name"], table)
            options = ["EXTERNAL REFERENCE = %s" % ".".join(quote(p) for p in upstream)]
            if text_columns and self.rng.random() < 0.3:
                options.append("TEXT COLUMNS = (%s)" % quote("status"))
            options.append("DETAILS = '%s'" % self.details(name))
            sql = "CREATE SUBSOURCE %s (%s) OF SOURCE %s WITH (%s)" % (
                self.fqn(source["database"], source["schema"], name), self.column_defs(name), self.ref(source), ", ".join(options))
            sub = self.add("subsource", source["database"], source["schema"], name, None, create_sql=sql,
                           depends_on=[source["id"]], status="running", source_type="subsource")
            self.frontier(sub)
            relations.append(sub)
        return relations

    def tables_from_source(self, source, upstreams, kafka=False):
        """New source syntax: `CREATE TABLE … FROM SOURCE … (REFERENCE = …)` as Materialize stores it."""
        relations = []
        for upstream in upstreams:
            name = "%s_%s" % (source["name"], upstream[-1])
            reference = ".".join(quote(p) for p in upstream)
            if kafka:
                sql = "CREATE TABLE %s FROM SOURCE %s (REFERENCE = %s) FORMAT JSON ENVELOPE NONE WITH (DETAILS = '%s')" % (
                    self.fqn(source["database"], source["schema"], name), self.ref(source), reference, self.details(name))
            else:
                sql = "CREATE TABLE %s (%s) FROM SOURCE %s (REFERENCE = %s) WITH (DETAILS = '%s')" % (
                    self.fqn(source["database"], source["schema"], name), self.column_defs(name), self.ref(source), reference,
                    self.details(name))
            table = self.add("table", source["database"], source["schema"], name, None, create_sql=sql,
                             depends_on=[source["id"]], status="running")
            self.frontier(table)
            relations.append(table)
        return relations

    def add_source(self, team, serial, prefix, source_type, body, status="running"):
        database, schema = self.schema_for(team)
        cluster = self.ingest[team % len(self.ingest)]
        name = "%s_%s_%d" % (prefix, self.rng.choice(WORDS), serial)
        if self.rng.random() < 0.01:
            name = self.rng.choice(["Ingest %d" % serial, "src\"%d" % serial, "données_%d" % serial])
        sql = "CREATE SOURCE %s IN CLUSTER %s FROM %s" % (self.fqn(database, schema, name), self.cluster_ref(cluster), body)
        source = self.add("source", database, schema, name, cluster, create_sql=sql, source_type=source_type,
                          status=status, hydrated=True, hydration_time_ms=self.rng.randint(1000, 600000))
        self.frontier(source)
        return source

    def expose_progress(self, source):
        progress = self.progress(source)
        source["create_sql"] += " EXPOSE PROGRESS AS %s" % self.ref(progress)

    def make_source(self, team, serial):
        roll = self.rng.random()
        tables = self.rng.sample(WORDS, self.rng.randint(2, 5))
        if roll < 0.30:
            options = ["PUBLICATION = 'mz_source_%d'" % serial]
            if self.rng.random() < 0.2:
                options.append("TEXT COLUMNS = (%s)" % ".".join(quote(p) for p in ("shop", "public", tables[0], "status")))
            options.append("DETAILS = '%s'" % self.details("pg%d" % serial))
            body = "POSTGRES CONNECTION [u9 AS \"materialize\".\"public\".\"pg_conn\"] (%s)" % ", ".join(options)
            source = self.add_source(team, serial, "pg", "postgres", body)
            if self.rng.random() < 0.25:
                return self.tables_from_source(source, [("shop", "public", t) for t in tables])
            self.expose_progress(source)
            return self.subsources(source, [("shop", "public", t) for t in tables], text_columns=True)
        if roll < 0.42:
            options = []
            if self.rng.random() < 0.3:
                options.append("EXCLUDE COLUMNS = (%s)" % ".".join(quote(p) for p in ("shop", tables[0], "sku")))
            options.append("DETAILS = '%s'" % self.details("my%d" % serial))
            body = "MYSQL CONNECTION [u12 AS \"materialize\".\"public\".\"mysql_conn\"] (%s)" % ", ".join(options)
            source = self.add_source(team, serial, "mysql", "mysql", body)
            self.expose_progress(source)
            return self.subsources(source, [("shop", t) for t in tables])
        if roll < 0.50:
            body = "SQL SERVER CONNECTION [u13 AS \"materialize\".\"public\".\"sqlserver_conn\"] (DETAILS = '%s')" % self.details("ms%d" % serial)
            source = self.add_source(team, serial, "mssql", "sql-server", body)
            self.expose_progress(source)
            return self.subsources(source, [("shop", "dbo", t) for t in tables])
        if roll < 0.58:
            body = "LOAD GENERATOR AUCTION (TICK INTERVAL = '1s')"
            source = self.add_source(team, serial, "auction", "load-generator", body)
            self.expose_progress(source)
            return self.subsources(source, [("mz_load_generators", "auction", t) for t in ("accounts", "auctions", "bids", "organizations", "users")])
        if roll < 0.62:
            body = "LOAD GENERATOR COUNTER (TICK INTERVAL = '500ms')"
            source = self.add_source(team, serial, "counter", "load-generator", body)
            self.expose_progress(source)
            return [source]
        if roll < 0.88:
            formats = [
                "KEY FORMAT TEXT VALUE FORMAT JSON INCLUDE KEY AS \"key\", PARTITION, OFFSET ENVELOPE UPSERT",
                "FORMAT JSON ENVELOPE NONE",
                "FORMAT JSON INCLUDE HEADERS ENVELOPE NONE",
                "KEY FORMAT TEXT VALUE FORMAT TEXT INCLUDE TIMESTAMP AS \"ts\" ENVELOPE UPSERT",
            ]
            topic = "t_%d.v1" % serial
            body = "KAFKA CONNECTION [u10 AS \"materialize\".\"public\".\"kafka_conn\"] (TOPIC = '%s') %s" % (topic, self.rng.choice(formats))
            status = self.rng.choice(["running"] * 20 + ["stalled", "starting"])
            source = self.add_source(team, serial, "kafka", "kafka", body, status=status)
            if self.rng.random() < 0.2:
                source["create_sql"] = "CREATE SOURCE %s IN CLUSTER %s FROM KAFKA CONNECTION [u10 AS \"materialize\".\"public\".\"kafka_conn\"] (TOPIC = '%s')" % (
                    self.fqn(source["database"], source["schema"], source["name"]), self.cluster_ref(source["cluster"]), topic)
                return self.tables_from_source(source, [(topic,)], kafka=True)
            self.expose_progress(source)
            return [source]
        header = self.rng.choice(["INCLUDE HEADERS", "INCLUDE HEADER 'x-event' AS \"event\"", "INCLUDE HEADERS (NOT 'authorization')"])
        body = ("WEBHOOK BODY FORMAT JSON %s CHECK (WITH (HEADERS, BODY AS \"request_body\", SECRET [u11 AS \"materialize\".\"public\".\"hook_secret\"]) "
                "\"pg_catalog\".\"constant_time_eq\"(\"headers\" -> 'x-signature', \"pg_catalog\".\"hmac\"(\"request_body\", \"hook_secret\", 'sha256')))" % header)
        source = self.add_source(team, serial, "webhook", "webhook", body)
        return [source]

    def make_table(self, team, serial):
        database, schema = self.schema_for(team)
        name = "%s_table_%d" % (self.rng.choice(WORDS), serial)
        columns = ", ".join("%s %s" % (quote(c), "text" if c in ("region", "status", "sku") else "bigint")
                            for c in COLUMNS[:5])
        table = self.add("table", database, schema, name, None,
                         create_sql="CREATE TABLE %s (%s)" % (self.fqn(database, schema, name), columns))
        self.frontier(table, lag=0)
        return table

    # Literals with escapes and non-ASCII text, as definitions carry them.
    LITERALS = ["'Zürich'", "'O''Brien'", "'naïve café'", "E'line\\nbreak'", "'東京'", "'50%% off'", "'a;b'", "'[u1 AS x]'"]

    def query(self, inputs):
        column = quote(self.rng.choice(COLUMNS[1:5]))
        text = 'SELECT "t0".%s, "pg_catalog"."count"(*) AS "n" FROM %s AS "t0"' % (column, self.ref(inputs[0]))
        for position, other in enumerate(inputs[1:], start=1):
            text += ' JOIN %s AS "t%d" ON "t%d"."id" = "t0"."id"' % (self.ref(other), position, position)
        if self.rng.random() < 0.3:
            text += ' WHERE "t0".%s <> %s' % (quote("status"), self.rng.choice(self.LITERALS))
        return text + ' GROUP BY "t0".%s' % column

    # Lineage as real deployments layer it (staging, intermediate, marts): a view or materialized view sits one
    # layer above its deepest input, and nothing reads the top layer. Without the cap, inputs picked from a
    # sliding window chain without end, and a source's downstream grows with the catalog (a third of 100 000
    # objects), which no real catalog has.
    MAX_DEPTH = 4

    def pick_inputs(self, team):
        """One to three relations from the last 200 readable ones of the team (one time in ten, of any team)."""
        count = self.rng.choice([1, 1, 1, 1, 2, 2, 3])
        lane = self.lanes.get(team)
        window = (lane if lane and self.rng.random() < 0.9 else self.readable)[-200:]
        return self.rng.sample(window, min(count, len(window)))

    def readable_by_others(self, team, relation, inputs=()):
        """Records the relation's layer and offers it as an input while it is below the top layer."""
        depth = 1 + max((self.depth[i["id"]] for i in inputs), default=-1)
        self.depth[relation["id"]] = depth
        if depth < self.MAX_DEPTH:
            self.lanes.setdefault(team, []).append(relation)
            self.readable.append(relation)

    def make_view(self, team, serial):
        database, schema = self.schema_for(team)
        name = "%s_view_%d" % (self.rng.choice(WORDS), serial)
        inputs = self.pick_inputs(team)
        query = self.query(inputs)
        view = self.add("view", database, schema, name, None,
                        create_sql="CREATE VIEW %s AS %s" % (self.fqn(database, schema, name), query),
                        definition=query + ";", depends_on=[i["id"] for i in inputs])
        self.readable_by_others(team, view, inputs)
        return view

    MZ_TIMESTAMP = '[s474 AS "mz_catalog"."mz_timestamp"]'

    def make_mv(self, team, serial, indexes_by_relation):
        database, schema = self.schema_for(team)
        home = self.compute[team % len(self.compute)]
        cluster = home if self.rng.random() < 0.97 else self.rng.choice(self.compute)
        name = "%s_mv_%d" % (self.rng.choice(WORDS), serial)
        if self.rng.random() < 0.003:
            name = self.rng.choice(['Order Items %d' % serial, 'weird"name_%d' % serial, 'drop; table %d' % serial,
                                    'Straße_%d' % serial])
        inputs = self.pick_inputs(team)
        query = self.query(inputs)
        options = []
        retain = self.rng.choice([None] * 8 + [3600000, 86400000])
        if retain:
            options.append("RETAIN HISTORY = FOR '%s'" % ("1h" if retain == 3600000 else "1d"))
        if self.rng.random() < 0.05:
            options.append('ASSERT NOT NULL = "n"')
        if self.rng.random() < 0.05:
            options.append('PARTITION BY = ("n")')
        roll = self.rng.random()
        sealed = False
        if roll < 0.005:
            options.append("REFRESH = AT %d::%s" % (TAKEN_AT_MS - 86400000, self.MZ_TIMESTAMP))
            sealed = True
        elif roll < 0.04:
            options.append("REFRESH = EVERY '1 day' ALIGNED TO %d::%s" % (TAKEN_AT_MS - 3600000, self.MZ_TIMESTAMP))
        else:
            options.append("REFRESH = ON COMMIT")
        columns = ' ("key", "n")' if self.rng.random() < 0.1 else ""
        sql = "CREATE MATERIALIZED VIEW %s%s IN CLUSTER %s WITH (%s) AS %s AS OF %d" % (
            self.fqn(database, schema, name), columns, self.cluster_ref(cluster), ", ".join(options), query,
            TAKEN_AT_MS - self.rng.randint(1000, 90000000))
        imports = []
        for relation in inputs:
            local = [i for i in indexes_by_relation.get(relation["id"], []) if i["cluster"] == cluster]
            imports.append(local[0]["id"] if local else relation["id"])
        mv = self.add("materialized-view", database, schema, name, cluster, create_sql=sql, definition=query + ";",
                      depends_on=[i["id"] for i in inputs], imports=imports, retain_history_ms=retain,
                      hydrated=self.rng.random() > 0.01, hydration_time_ms=self.rng.randint(2000, 900000))
        self.frontier(mv)
        self.readable_by_others(team, mv, inputs)
        if sealed:
            mv["sealed"] = True
            mv["upper_ms"] = None
        return mv

    def make_index(self, relation, indexes_by_relation):
        team = int(relation["schema"].rsplit("_", 1)[1])
        serving = self.compute[len(self.compute) // 2 + team % (len(self.compute) // 2)]
        if relation["kind"] == "materialized-view" and self.rng.random() < 0.03:
            cluster = relation["cluster"]
        else:
            cluster = serving if self.rng.random() < 0.97 else self.rng.choice(self.compute)
        column = self.rng.choice(COLUMNS[:4])
        name = "%s_%s_idx_%d" % (relation["name"], column, self.next_id + 1)
        key = quote(column) if self.rng.random() < 0.9 else '"pg_catalog"."lower"(%s)' % quote(column)
        sql = "CREATE INDEX %s IN CLUSTER %s ON %s (%s)" % (quote(name), self.cluster_ref(cluster), self.ref(relation), key)
        if self.rng.random() < 0.1:
            sql += " WITH (RETAIN HISTORY = FOR '10m')"
        index = self.add("index", relation["database"], relation["schema"], name, cluster, create_sql=sql,
                         on=relation["id"], depends_on=[relation["id"]],
                         imports=[relation["id"]] if relation["kind"] != "view" else list(relation["depends_on"]),
                         retain_history_ms=600000 if sql.endswith("'10m')") else None,
                         hydrated=True, hydration_time_ms=self.rng.randint(1000, 300000))
        self.frontier(index)
        indexes_by_relation.setdefault(relation["id"], []).append(index)
        return index

    def make_sink(self, team, serial, relation):
        database, schema = self.schema_for(team)
        cluster = self.sinks[team % len(self.sinks)]
        name = "%s_sink_%d" % (relation["name"].split("_")[0], serial)
        into = "KAFKA CONNECTION [u10 AS \"materialize\".\"public\".\"kafka_conn\"] (TOPIC = '%s')" % name
        roll = self.rng.random()
        if roll < 0.6:
            into += " KEY (%s) NOT ENFORCED FORMAT JSON ENVELOPE UPSERT" % quote("customer_id")
        elif roll < 0.7:
            into += " KEY (%s) NOT ENFORCED HEADERS %s FORMAT JSON ENVELOPE UPSERT" % (quote("customer_id"), quote("headers"))
        else:
            into += (" FORMAT AVRO USING CONFLUENT SCHEMA REGISTRY CONNECTION [u14 AS \"materialize\".\"public\".\"csr_conn\"] "
                     "ENVELOPE DEBEZIUM")
        options = ["SNAPSHOT = %s" % self.rng.choice(["true", "false"])]
        if self.rng.random() < 0.2:
            options.append("VERSION = %d" % self.rng.randint(1, 3))
        sql = "CREATE SINK %s IN CLUSTER %s FROM %s INTO %s WITH (%s)" % (
            self.fqn(database, schema, name), self.cluster_ref(cluster), self.ref(relation), into, ", ".join(options))
        sink = self.add("sink", database, schema, name, cluster, create_sql=sql, depends_on=[relation["id"]],
                        imports=[relation["id"]], status=self.rng.choice(["running"] * 30 + ["stalled"]),
                        hydrated=True)
        self.frontier(sink)
        return sink

    def generate(self):
        self.make_clusters()
        teams = max(3, min(40, self.count // 2500 + 3))
        pool = []
        indexes_by_relation = {}
        serial = 0
        while len(self.objects) < self.count:
            serial += 1
            team = self.rng.randrange(teams)
            roll = self.rng.random()
            if roll < 0.04 or not pool:
                relations = self.make_source(team, serial)
                for relation in relations:
                    self.readable_by_others(team, relation)
                pool.extend(relations)
            elif roll < 0.12:
                table = self.make_table(team, serial)
                self.readable_by_others(team, table)
                pool.append(table)
            elif roll < 0.27:
                pool.append(self.make_view(team, serial))
            elif roll < 0.66:
                pool.append(self.make_mv(team, serial, indexes_by_relation))
            elif roll < 0.93:
                candidates = [o for o in pool[-100:] if o["kind"] in ("view", "materialized-view")]
                if candidates:
                    self.make_index(self.rng.choice(candidates), indexes_by_relation)
            else:
                candidates = [o for o in pool[-100:] if o["kind"] == "materialized-view"]
                if candidates:
                    self.make_sink(team, serial, self.rng.choice(candidates))
        self.assign_memory()
        return {
            "format": "mzplan.catalog.v1", "taken_at_ms": TAKEN_AT_MS, "version": "v26.10.1",
            "clusters": self.clusters, "objects": self.objects, "sizes": SIZE_ROWS,
        }

    def assign_memory(self):
        """`memory_bytes` for indexes and materialized views (as `mz_object_arrangement_sizes` reports them),
        about a third of a replica shared among what runs on each cluster, varied by a hash of the id so the
        random stream (and everything else generated) is unchanged; 2 % stay unknown (null)."""
        capacity = {row["size"]: row["memory_bytes"] * row["processes"] for row in SIZE_ROWS}
        counts = {}
        for obj in self.objects:
            if obj["kind"] in ("index", "materialized-view") and obj["cluster"]:
                counts[obj["cluster"]] = counts.get(obj["cluster"], 0) + 1
        size_of = {cluster["name"]: cluster["size"] for cluster in self.clusters}
        for obj in self.objects:
            if obj["kind"] not in ("index", "materialized-view") or not obj["cluster"]:
                continue
            digest = int(hashlib.sha256(obj["id"].encode()).hexdigest()[:8], 16)
            if digest % 50 == 0:
                continue
            share = capacity[size_of[obj["cluster"]]] // (3 * counts[obj["cluster"]])
            obj["memory_bytes"] = share // 2 + digest % max(1, share)

    # ----- manifest -------------------------------------------------------------------------------------

    def manifest(self, source_moves="recreate"):
        """Every placeable object placed: a glob per (schema, kind) on its most common cluster, exact names for
        the rest. About 5 % of materialized views, indexes and sinks and 3 % of sources move: views and indexes
        to another compute cluster (sealed views with `strategy: recreate`), sinks and sources to new clusters
        (`strategy: blue-green` when `source_moves` says so), with the hazards their strategies carry allowed on
        their rules."""
        placeable = [o for o in self.objects if o["kind"] in ("source", "sink", "index", "materialized-view")]
        groups = {}
        for obj in placeable:
            groups.setdefault((obj["database"], obj["schema"], obj["kind"]), []).append(obj)
        new_clusters = {"ingest_moved": "100cc", "sinks_moved": "50cc"}
        entries = {c: [] for c in [c["name"] for c in self.clusters] + sorted(new_clusters)}
        for (database, schema, kind), members in sorted(groups.items()):
            counts = {}
            for obj in members:
                counts[obj["cluster"]] = counts.get(obj["cluster"], 0) + 1
            home = max(sorted(counts), key=lambda c: counts[c])
            entries[home].append({"match": "%s.%s.*" % (database, schema), "kind": kind})
            for obj in members:
                target = obj["cluster"]
                extra = {}
                roll = self.rng.random()
                if kind in ("materialized-view", "index") and roll < 0.05:
                    target = self.rng.choice([c for c in self.compute if c != obj["cluster"]])
                    if obj["sealed"]:
                        extra = {"strategy": "recreate", "allow": ["cascade-drop"]}
                elif kind == "sink" and roll < 0.05:
                    target, extra = "sinks_moved", {"allow": ["sink-recreate"]}
                elif kind == "source" and roll < 0.03:
                    target, extra = "ingest_moved", {"allow": ["source-recreate", "cascade-drop", "webhook-recreate"]}
                    if source_moves == "blue-green":
                        # Webhooks, and sources sharing dependents with one, fall back to recreate;
                        # sinks of the closures are recreated on the new objects.
                        extra = {"strategy": "blue-green", "allow": extra["allow"] + ["sink-recreate"]}
                plain = manifest_name(database, schema, obj["name"]).count('"') == 0
                if target != home or target != obj["cluster"] or not plain or self.rng.random() < 0.02:
                    entries[target].append(dict({"name": manifest_name(database, schema, obj["name"]), "kind": kind}, **extra))
        lines = ["version: 1", "database: materialize", "schema: public", "clusters:"]
        for name, items in entries.items():
            lines.append("  %s:" % json.dumps(name))
            if name in new_clusters:
                lines.append("    size: %s" % new_clusters[name])
            elif name == self.compute[0]:
                # One resize, graceful: WAIT UNTIL READY through the parser, the simulator and its invariant.
                current = next(c["size"] for c in self.clusters if c["name"] == name)
                lines.append("    size: %s" % ("800cc" if current != "800cc" else "400cc"))
                lines.append("    resize: graceful")
            if not items:
                lines.append("    objects: []")
                continue
            lines.append("    objects:")
            for item in items:
                key = "match" if "match" in item else "name"
                fields = ["%s: %s" % (key, json.dumps(item[key])), "kind: %s" % item["kind"]]
                if "strategy" in item:
                    fields.append("strategy: %s" % item["strategy"])
                if "allow" in item:
                    fields.append("allow: [%s]" % ", ".join(item["allow"]))
                lines.append("      - { %s }" % ", ".join(fields))
        lines += ["options:", "  max_parallel_hydrations: 4", "  poll_interval: 10s", "  resize_timeout: 168h", ""]
        return "\n".join(lines)


def write_snapshot(snapshot, out):
    """Pretty at the top, one line per cluster and object: readable and about 750 bytes per object."""
    out.write("{\n")
    for position, (key, value) in enumerate(snapshot.items()):
        out.write("  %s: " % json.dumps(key))
        if isinstance(value, list) and value and isinstance(value[0], dict):
            out.write("[\n")
            out.write(",\n".join("    " + json.dumps(item, separators=(", ", ": ")) for item in value))
            out.write("\n  ]")
        else:
            out.write(json.dumps(value))
        out.write(",\n" if position < len(snapshot) - 1 else "\n")
    out.write("}\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--objects", type=int, required=True, help="approximate number of objects")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-o", "--output", required=True, help="snapshot JSON path")
    parser.add_argument("--manifest-out", help="manifest YAML path")
    parser.add_argument("--source-moves", choices=["recreate", "blue-green"], default="recreate",
                        help="the strategy of the manifest's source moves")
    args = parser.parse_args()
    generator = Generator(args.objects, args.seed)
    snapshot = generator.generate()
    with open(args.output, "w") as out:
        write_snapshot(snapshot, out)
    if args.manifest_out:
        with open(args.manifest_out, "w") as out:
            out.write(generator.manifest(args.source_moves))


if __name__ == "__main__":
    main()
