# Sourced by scripts/test and scripts/bench: a throwaway PostgreSQL server holding stand-ins for
# Materialize's catalog (the fixtures in Tests/MZPlanPostgresTests/Fixtures). prepare_pg installs
# PostgreSQL when it is missing (apt-get, as root) and makes PG_DIR; init_and_start starts a
# cluster in it; load runs fixture files; stop_test_server stops every cluster and removes PG_DIR.
# PostgreSQL refuses to run as root: as root, everything runs as the postgres user (AS_PG).

FIXTURES="Tests/MZPlanPostgresTests/Fixtures"

pg_bin_dir() {
    local dir
    for dir in /usr/lib/postgresql/*/bin; do
        if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then echo "$dir"; fi
    done | sort -V | tail -n 1
}

free_port() {
    if command -v python3 >/dev/null; then
        python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
        return
    fi
    local port
    for _ in $(seq 50); do
        port=$((20000 + RANDOM % 40000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
    done
    return 1
}

PG_DIR=""
PG_BIN=""
AS_PG=()
SUPERUSER=""

stop_test_server() {
    [[ -n "$PG_DIR" ]] || return 0
    local data
    for data in "$PG_DIR"/*; do
        if [[ -f "$data/PG_VERSION" ]]; then
            echo "==> stopping the test PostgreSQL server in $data"
            "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1 || true
        fi
    done
    rm -rf "$PG_DIR"
}

# init_and_start NAME PORT [server options…]: a cluster in $PG_DIR/NAME listening on 127.0.0.1:PORT.
init_and_start() {
    local name="$1" port="$2"
    shift 2
    "${AS_PG[@]}" "$PG_BIN/initdb" -D "$PG_DIR/$name" -U "$SUPERUSER" -A trust --no-sync >"$PG_DIR/$name-initdb.log" 2>&1 ||
        { cat "$PG_DIR/$name-initdb.log" >&2; return 1; }
    cat >"$PG_DIR/$name/pg_hba.conf" <<HBA || return 1
local all all                        trust
host  all mzplan_password 127.0.0.1/32 scram-sha-256
host  all all             127.0.0.1/32 trust
HBA
    "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/$name" -l "$PG_DIR/$name.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_DIR -c fsync=off -c max_connections=200 $*" start >/dev/null ||
        { cat "$PG_DIR/$name.log" >&2; return 1; }
}

# pg_psql PORT DATABASE [psql arguments…]: psql as the superuser, stopping at the first error.
pg_psql() {
    local port="$1" db="$2"
    shift 2
    "${AS_PG[@]}" "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_DIR" -p "$port" -U "$SUPERUSER" -d "$db" "$@"
}

# load PORT DATABASE FILE…: runs each fixture file in DATABASE (created first with --create).
load() {
    local create=""
    if [[ "$1" == --create ]]; then create=1; shift; fi
    local port="$1" db="$2" file
    shift 2
    if [[ -n "$create" ]]; then pg_psql "$port" postgres -c "CREATE DATABASE $db" >/dev/null || return 1; fi
    for file in "$@"; do
        pg_psql "$port" "$db" -f - <"$FIXTURES/$file" >/dev/null || return 1
    done
}

prepare_pg() {
    PG_BIN="$(pg_bin_dir)"
    if [[ -z "$PG_BIN" ]]; then
        if [[ "$(id -u)" != 0 ]]; then
            echo "PostgreSQL is not installed and this is not root: cannot apt-get install postgresql" >&2
            return 1
        fi
        echo "==> installing PostgreSQL (apt-get install -y postgresql)"
        DEBIAN_FRONTEND=noninteractive apt-get update -q || return 1
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql || return 1
        PG_BIN="$(pg_bin_dir)"
        [[ -n "$PG_BIN" ]] || { echo "initdb/pg_ctl not found after installing postgresql" >&2; return 1; }
    fi

    PG_DIR="$(mktemp -d /tmp/mzplan-pg.XXXXXX)" || return 1
    if [[ "$(id -u)" == 0 ]]; then
        # PostgreSQL refuses to run as root.
        id postgres >/dev/null 2>&1 || useradd --system --home-dir "$PG_DIR" postgres || return 1
        chown postgres: "$PG_DIR" || return 1
        AS_PG=(runuser -u postgres --)
    else
        AS_PG=(env)
    fi
    SUPERUSER="$("${AS_PG[@]}" id -un)" || return 1
}
