-- Cigarettes are counted in sticks, packs, cartons and master cases, and a
-- seizure whose packs, cartons or cases are not made up the usual way (20
-- sticks a pack, 10 packs a carton, 50 cartons a case) keeps its own
-- factors, so that its total in sticks is right. 0 is the usual number:
-- every seizure stored before keeps it, and a seizure that keeps it is
-- written in the audit trail and in packages exactly as before.
ALTER TABLE seizures ADD COLUMN sticks_per_pack INTEGER NOT NULL DEFAULT 0 CHECK (sticks_per_pack >= 0);
ALTER TABLE seizures ADD COLUMN packs_per_carton INTEGER NOT NULL DEFAULT 0 CHECK (packs_per_carton >= 0);
ALTER TABLE seizures ADD COLUMN cartons_per_master_case INTEGER NOT NULL DEFAULT 0 CHECK (cartons_per_master_case >= 0);
