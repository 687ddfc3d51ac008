-- mzplan plan sha256:eb316e8b5123a696d7841503c869039f48aed97ea87cc4b9803968f784001874
-- 0 moves, 1 cluster to alter, 1 blocked, 6 unlisted, 9 unchanged
-- Run with `mzplan apply`, which also performs the waits noted below.
-- resize of cluster compute: restart, estimated downtime ~4 min 33 s
--
-- BLOCKED: cluster compute (alter): cluster-restart

-- step 1 (prepare) [BLOCKED]: alter-cluster compute
-- ALTER CLUSTER "compute" SET (SIZE = '800cc');
