-- The renewal calendar reads set-based (store/src/calendar.rs): the contracts whose Hamon day
-- (a year after subscription) falls in the range, and the interruptions of the contracts shown,
-- each through an index rather than a scan of the whole table.
CREATE INDEX contracts_subscription ON contracts (subscription_date);
CREATE INDEX contract_interruptions_contract ON contract_interruptions (contract_id, from_date);
