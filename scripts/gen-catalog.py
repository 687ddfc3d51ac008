#!/usr/bin/env python3
"""Writes a synthetic, realistic mzplan catalog snapshot (SPEC §4) and a manifest (SPEC §3) for it.

    python3 scripts/gen-catalog.py --objects 100000 --seed 1 -o catalog.json --manifest-out mzplan.yaml

The snapshot has a few dozen clusters with replicas; postgres sources with subsources, kafka and webhook
sources; tables and views; chains and fan-in DAGs of materialized views; indexes on views and materialized
views; sinks. `create_sql` is in Materialize's resolved form (`IN CLUSTER [u1]`, `[u2 AS "db"."schema"."t"]`
annotations, `AS OF` on materialized views), definitions carry annotations and a trailing `;`. About 750
bytes per object. The manifest places every placeable object (exact names and globs) and moves about 5 % of
materialized views and indexes to another cluster. Output is deterministic for a seed.
"""
import argparse
import json
import random

TAKEN_AT_MS = 1764115200000
SIZES = ["25cc", "50cc", "100cc", "200cc", "400cc", "800cc", "1600cc"]
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
            "sealed": False, "replacement_for": None,
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

    def make_source(self, team, serial):
        database, schema = self.schema_for(team)
        cluster = self.ingest[team % len(self.ingest)]
        roll = self.rng.random()
        if roll < 0.5:
            name = "pg_%s_%d" % (self.rng.choice(WORDS), serial)
            sql = ("CREATE SOURCE %s IN CLUSTER %s FROM POSTGRES CONNECTION [u9 AS \"materialize\".\"public\".\"pg_conn\"] "
                   "(PUBLICATION = 'mz_source_%d') EXPOSE PROGRESS AS %s"
                   % (self.fqn(database, schema, name), self.cluster_ref(cluster), serial,
                      self.fqn(database, schema, name + "_progress")))
            source = self.add("source", database, schema, name, cluster, create_sql=sql, source_type="postgres",
                              status="running", hydrated=True, hydration_time_ms=self.rng.randint(5000, 600000))
            self.frontier(source)
            relations = []
            for table in self.rng.sample(WORDS, self.rng.randint(3, 6)):
                sub_name = "%s_%s" % (name, table)
                columns = ", ".join("%s %s" % (quote(c), "text" if c in ("region", "status", "sku") else "bigint")
                                    for c in COLUMNS[:3])
                sub_sql = ("CREATE SUBSOURCE %s (%s) OF SOURCE %s WITH (EXTERNAL REFERENCE = %s)"
                           % (self.fqn(database, schema, sub_name), columns, self.ref(source),
                              self.fqn("postgres", "public", table)))
                sub = self.add("subsource", database, schema, sub_name, None, create_sql=sub_sql,
                               depends_on=[source["id"]], status="running")
                self.frontier(sub)
                relations.append(sub)
            return relations
        if roll < 0.85:
            name = "kafka_%s_%d" % (self.rng.choice(WORDS), serial)
            sql = ("CREATE SOURCE %s IN CLUSTER %s FROM KAFKA CONNECTION [u10 AS \"materialize\".\"public\".\"kafka_conn\"] "
                   "(TOPIC = '%s.v1') KEY FORMAT TEXT VALUE FORMAT JSON ENVELOPE UPSERT EXPOSE PROGRESS AS %s"
                   % (self.fqn(database, schema, name), self.cluster_ref(cluster), name,
                      self.fqn(database, schema, name + "_progress")))
            source = self.add("source", database, schema, name, cluster, create_sql=sql, source_type="kafka",
                              status=self.rng.choice(["running"] * 20 + ["stalled", "starting"]), hydrated=True,
                              hydration_time_ms=self.rng.randint(1000, 120000))
            self.frontier(source)
            return [source]
        name = "webhook_%s_%d" % (self.rng.choice(WORDS), serial)
        sql = ("CREATE SOURCE %s IN CLUSTER %s FROM WEBHOOK BODY FORMAT JSON INCLUDE HEADERS "
               "CHECK (WITH (HEADERS, BODY AS request_body, SECRET [u11 AS \"materialize\".\"public\".\"hook_secret\"]) "
               "constant_time_eq(headers->'x-signature', hmac(request_body, hook_secret, 'sha256')))"
               % (self.fqn(database, schema, name), self.cluster_ref(cluster)))
        source = self.add("source", database, schema, name, cluster, create_sql=sql, source_type="webhook",
                          status="running")
        self.frontier(source)
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

    def query(self, inputs):
        column = quote(self.rng.choice(COLUMNS[1:5]))
        text = 'SELECT "t0".%s, count(*) AS "n" FROM %s AS "t0"' % (column, self.ref(inputs[0]))
        for position, other in enumerate(inputs[1:], start=1):
            text += ' JOIN %s AS "t%d" USING ("id")' % (self.ref(other), position)
        return text + ' GROUP BY "t0".%s' % column

    def pick_inputs(self, pool):
        count = self.rng.choice([1, 1, 1, 1, 2, 2, 3])
        window = pool[-200:]
        return self.rng.sample(window, min(count, len(window)))

    def make_view(self, team, serial, pool):
        database, schema = self.schema_for(team)
        name = "%s_view_%d" % (self.rng.choice(WORDS), serial)
        inputs = self.pick_inputs(pool)
        query = self.query(inputs)
        view = self.add("view", database, schema, name, None,
                        create_sql="CREATE VIEW %s AS %s" % (self.fqn(database, schema, name), query),
                        definition=query + ";", depends_on=[i["id"] for i in inputs])
        return view

    def make_mv(self, team, serial, pool, indexes_by_relation):
        database, schema = self.schema_for(team)
        home = self.compute[team % len(self.compute)]
        cluster = home if self.rng.random() < 0.97 else self.rng.choice(self.compute)
        name = "%s_mv_%d" % (self.rng.choice(WORDS), serial)
        if self.rng.random() < 0.002:
            name = self.rng.choice(['Order Items %d' % serial, 'weird"name_%d' % serial, 'drop; table %d' % serial])
        inputs = self.pick_inputs(pool)
        query = self.query(inputs)
        retain = self.rng.choice([None] * 8 + [3600000, 86400000])
        with_clause = " WITH (RETAIN HISTORY = FOR '%s')" % ("1h" if retain == 3600000 else "1d") if retain else ""
        sql = "CREATE MATERIALIZED VIEW %s IN CLUSTER %s%s AS %s AS OF %d" % (
            self.fqn(database, schema, name), self.cluster_ref(cluster), with_clause, query,
            TAKEN_AT_MS - self.rng.randint(1000, 90000000))
        imports = []
        for relation in inputs:
            local = [i for i in indexes_by_relation.get(relation["id"], []) if i["cluster"] == cluster]
            imports.append(local[0]["id"] if local else relation["id"])
        mv = self.add("materialized-view", database, schema, name, cluster, create_sql=sql, definition=query + ";",
                      depends_on=[i["id"] for i in inputs], imports=imports, retain_history_ms=retain,
                      hydrated=self.rng.random() > 0.01, hydration_time_ms=self.rng.randint(2000, 900000))
        self.frontier(mv)
        if self.rng.random() < 0.0005:
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
        sql = "CREATE INDEX %s IN CLUSTER %s ON %s (%s)" % (quote(name), self.cluster_ref(cluster), self.ref(relation), quote(column))
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
        sql = ("CREATE SINK %s IN CLUSTER %s FROM %s INTO KAFKA CONNECTION [u10 AS \"materialize\".\"public\".\"kafka_conn\"] "
               "(TOPIC = '%s') KEY (%s) FORMAT JSON ENVELOPE UPSERT"
               % (self.fqn(database, schema, name), self.cluster_ref(cluster), self.ref(relation), name, quote("customer_id")))
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
                pool.extend(self.make_source(team, serial))
            elif roll < 0.12:
                pool.append(self.make_table(team, serial))
            elif roll < 0.27:
                pool.append(self.make_view(team, serial, pool))
            elif roll < 0.66:
                pool.append(self.make_mv(team, serial, pool, indexes_by_relation))
            elif roll < 0.93:
                candidates = [o for o in pool[-100:] if o["kind"] in ("view", "materialized-view")]
                if candidates:
                    self.make_index(self.rng.choice(candidates), indexes_by_relation)
            else:
                candidates = [o for o in pool[-100:] if o["kind"] == "materialized-view"]
                if candidates:
                    self.make_sink(team, serial, self.rng.choice(candidates))
        return {
            "format": "mzplan.catalog.v1", "taken_at_ms": TAKEN_AT_MS, "version": "v26.10.1",
            "clusters": self.clusters, "objects": self.objects, "sizes": SIZES,
        }

    # ----- manifest -------------------------------------------------------------------------------------

    def manifest(self):
        """Every placeable object placed: a glob per (schema, kind) on its most common cluster, exact names for
        the rest, and about 5 % of materialized views and indexes moved to another compute cluster."""
        placeable = [o for o in self.objects if o["kind"] in ("source", "sink", "index", "materialized-view")]
        groups = {}
        for obj in placeable:
            groups.setdefault((obj["database"], obj["schema"], obj["kind"]), []).append(obj)
        entries = {c["name"]: [] for c in self.clusters}
        for (database, schema, kind), members in sorted(groups.items()):
            counts = {}
            for obj in members:
                counts[obj["cluster"]] = counts.get(obj["cluster"], 0) + 1
            home = max(sorted(counts), key=lambda c: counts[c])
            entries[home].append({"match": "%s.%s.*" % (database, schema), "kind": kind})
            for obj in members:
                target = obj["cluster"]
                moved = kind in ("materialized-view", "index") and self.rng.random() < 0.05
                if moved:
                    target = self.rng.choice([c for c in self.compute if c != obj["cluster"]])
                plain = manifest_name(database, schema, obj["name"]).count('"') == 0
                if target != home or moved or not plain or self.rng.random() < 0.02:
                    entries[target].append({"name": manifest_name(database, schema, obj["name"]), "kind": kind})
        lines = ["version: 1", "database: materialize", "schema: public", "clusters:"]
        for cluster in self.clusters:
            lines.append("  %s:" % json.dumps(cluster["name"]))
            items = entries[cluster["name"]]
            if not items:
                lines.append("    objects: []")
                continue
            lines.append("    objects:")
            for item in items:
                key = "match" if "match" in item else "name"
                lines.append("      - { %s: %s, kind: %s }" % (key, json.dumps(item[key]), item["kind"]))
        lines += ["options:", "  max_parallel_hydrations: 4", ""]
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
    args = parser.parse_args()
    generator = Generator(args.objects, args.seed)
    snapshot = generator.generate()
    with open(args.output, "w") as out:
        write_snapshot(snapshot, out)
    if args.manifest_out:
        with open(args.manifest_out, "w") as out:
            out.write(generator.manifest())


if __name__ == "__main__":
    main()
