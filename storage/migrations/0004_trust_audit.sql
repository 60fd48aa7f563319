-- The partners the workspace trusts and its own keys become audited
-- records: their baseline entries are written by startTrustTrail
-- (storage/trust.go) in this migration's transaction. No table changes.
SELECT 1;
