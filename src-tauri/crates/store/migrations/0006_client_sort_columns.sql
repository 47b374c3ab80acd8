-- Sorting the client list by city or postcode read the first address of every client through a
-- join, then sorted them all (0,1 s at 100 000 clients, 2,7 s at 1 000 000). The first address's
-- city and postcode are now kept on the client row by triggers (so no write path can forget
-- them), and indexed in the list's exact order: a page is then read straight from the index.
ALTER TABLE clients ADD COLUMN city_sort TEXT COLLATE NOCASE;
ALTER TABLE clients ADD COLUMN postcode_sort TEXT;
UPDATE clients SET
    city_sort = (SELECT city FROM client_addresses a WHERE a.client_id = clients.id AND a.position = 0),
    postcode_sort = (SELECT postcode FROM client_addresses a WHERE a.client_id = clients.id AND a.position = 0);
CREATE TRIGGER client_first_address_insert AFTER INSERT ON client_addresses WHEN NEW.position = 0
BEGIN UPDATE clients SET city_sort = NEW.city, postcode_sort = NEW.postcode WHERE id = NEW.client_id; END;
CREATE TRIGGER client_first_address_update AFTER UPDATE ON client_addresses WHEN NEW.position = 0
BEGIN UPDATE clients SET city_sort = NEW.city, postcode_sort = NEW.postcode WHERE id = NEW.client_id; END;
CREATE TRIGGER client_first_address_delete AFTER DELETE ON client_addresses WHEN OLD.position = 0
BEGIN UPDATE clients SET city_sort = NULL, postcode_sort = NULL WHERE id = OLD.client_id; END;
-- archived_at ends each key so that skipping the archived clients of a deep page reads the
-- index alone.
CREATE INDEX clients_city_asc ON clients (city_sort IS NULL, city_sort, sort_key, id, archived_at);
CREATE INDEX clients_city_desc ON clients (city_sort IS NULL, city_sort DESC, sort_key, id, archived_at);
CREATE INDEX clients_postcode_asc ON clients (postcode_sort IS NULL, postcode_sort, sort_key, id, archived_at);
CREATE INDEX clients_postcode_desc ON clients (postcode_sort IS NULL, postcode_sort DESC, sort_key, id, archived_at);
-- The partial indexes on the first address served only these sorts.
DROP INDEX client_addresses_postcode;
DROP INDEX client_addresses_city;
