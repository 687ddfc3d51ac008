-- Roles for the error tests, run in every fixture database after its catalog is loaded.
--   mzplan_password: password (scram-sha-256) authentication, may read the catalog
--   mzplan_noprivs:  trusted on loopback, but no USAGE on mz_catalog / mz_internal
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'mzplan_password') THEN
        SET LOCAL password_encryption = 'scram-sha-256';
        CREATE ROLE mzplan_password LOGIN PASSWORD 'fixture-Pa55word-c0rrect';
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'mzplan_noprivs') THEN
        CREATE ROLE mzplan_noprivs LOGIN;
    END IF;
    IF EXISTS (SELECT FROM pg_namespace WHERE nspname = 'mz_catalog') THEN
        GRANT USAGE ON SCHEMA mz_catalog, mz_internal TO mzplan_password;
        GRANT SELECT ON ALL TABLES IN SCHEMA mz_catalog, mz_internal TO mzplan_password;
    END IF;
END
$$;
