-- Live Materialize behaviours the plain stand-in does not have, loaded into `mz_strict` on top of
-- mz_catalog.sql (see ../shared/reference/materialize.md, Corrections).
--
-- A duplicate schema is a catalog error with SQLSTATE XX000 ("schema … already exists"), not
-- PostgreSQL's 42P06: the trigger fires before PostgreSQL's own check.
CREATE FUNCTION mz_internal.mzplan_duplicate_schema() RETURNS event_trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = '_mzplan_lock') THEN
        RAISE EXCEPTION 'schema ''_mzplan_lock'' already exists' USING ERRCODE = 'XX000';
    END IF;
END $$;

CREATE EVENT TRIGGER mzplan_duplicate_schema ON ddl_command_start WHEN TAG IN ('CREATE SCHEMA')
    EXECUTE FUNCTION mz_internal.mzplan_duplicate_schema();

-- The lock lives in the connection's database: name the fixture's database after this one.
UPDATE mz_catalog.mz_databases SET name = current_database();
