-- Secret objects are named by a keyed hash of their plaintext's SHA-256 (computable only with
-- the vault's key), in the vault and in every catalogue row of a secret document, so that
-- holding a candidate file does not tell whether it is in the vault. Sealed objects stored
-- before this are still named by their plaintext's SHA-256 (named_by_key = 0): the next unlock
-- renames them, one at a time, each in a transaction of its own.
ALTER TABLE vault_objects ADD COLUMN named_by_key INTEGER NOT NULL DEFAULT 0
    CHECK (named_by_key IN (0, 1));
