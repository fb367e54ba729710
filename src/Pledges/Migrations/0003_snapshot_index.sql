-- The snapshot route walks every counted pledge (completed or refunded) in id order to rebuild the read models;
-- this index holds only those, so the walk never reads pending or failed pledges and each page is one range scan.
CREATE INDEX idx_pledges_snapshot ON pledges.pledges (id) WHERE status IN ('completed', 'refunded');
