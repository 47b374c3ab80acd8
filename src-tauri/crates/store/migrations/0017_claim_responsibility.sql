-- 0017: each claim's responsibility in force (R15, art. 8), kept on the claim row like the
-- coefficient history: derived from the dated facts by the engine and rewritten in the
-- transaction that changes them (a claim declared, requalified or corrected, a contract's
-- terms corrected). The Sinistres filter reads it through its own index in the list's order,
-- so a page costs its rows and agrees with the responsibility the list shows. Filled by the
-- store at the upgrade (the engine's rule: the latest requalification found in time, else the
-- first qualification), once; `courtier check` recomputes and compares it.
ALTER TABLE claims ADD COLUMN responsibility TEXT
    CHECK (responsibility IS NULL OR responsibility IN ('full', 'partial', 'none'));
CREATE INDEX claims_responsibility ON claims (responsibility, occurred_on, id);
