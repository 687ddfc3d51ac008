-- mzplan plan sha256:1c0f3ff6fb1110c8cdb0aa8fdb771b84a2177919e443354971e4ae431d43f613
-- 0 moves, 1 cluster to alter, 1 blocked, 14 unlisted, 1 unchanged
-- Run with `mzplan apply`, which also performs the waits noted below.
-- resize of cluster sinks: restart, estimated downtime ~3 s
--
-- BLOCKED: cluster sinks (alter): cluster-restart

-- step 1 (prepare) [BLOCKED]: alter-cluster sinks
-- ALTER CLUSTER "sinks" SET (SIZE = '50cc');
