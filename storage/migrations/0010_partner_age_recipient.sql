-- A partner's age public key (age1...), as its signed packages give it: the
-- key case packages for its agency are encrypted to by default, so that a
-- package is never sent in the clear only because nobody looked up the key.
-- Empty until a package signed by the partner says it.
ALTER TABLE partners ADD COLUMN age_recipient TEXT NOT NULL DEFAULT '';
