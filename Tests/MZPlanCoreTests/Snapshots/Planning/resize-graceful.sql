-- mzplan plan sha256:7a30db9b7fea57ab10fd56cf5a75b9662dfc330655bff23b41bf702bb8b21f5e
-- 0 moves, 1 cluster to alter, 6 unlisted, 9 unchanged
-- Run with `mzplan apply`, which also performs the waits noted below.
-- resize of cluster compute: graceful, estimated downtime 0

-- step 1 (prepare): alter-cluster compute
ALTER CLUSTER "compute" SET (SIZE = '800cc') WITH (WAIT UNTIL READY (TIMEOUT = '30m', ON TIMEOUT = 'ROLLBACK'));
-- Materialize waits until the new replicas have hydrated (up to 30 min), then cuts over; past that it rolls back
