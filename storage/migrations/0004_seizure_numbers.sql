-- Numbering a new seizure looks up the highest SZ-NNNN of its case. Without
-- an index on the number that lookup read every seizure of the case, so a
-- spreadsheet of 100,000 rows took the square of its length to import; with
-- it, the highest number is one step down the index.
CREATE INDEX seizures_case_seq ON seizures (case_id, seq);
