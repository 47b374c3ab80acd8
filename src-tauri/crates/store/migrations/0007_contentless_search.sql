-- The search index kept a second copy of every client's name, e-mails, phones, postcodes and
-- cities (its content table) that nothing reads: searches only match, rank (bm25) and return
-- the rowid. It becomes contentless (the terms are indexed, the text is not kept), with
-- contentless_delete so that a client's entry is still replaced on every correction.
CREATE VIRTUAL TABLE client_search_new USING fts5 (
    name, emails, phones, postcodes, cities,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3',
    content = '',
    contentless_delete = 1
);
INSERT INTO client_search_new (rowid, name, emails, phones, postcodes, cities)
    SELECT rowid, name, emails, phones, postcodes, cities FROM client_search;
DROP TABLE client_search;
ALTER TABLE client_search_new RENAME TO client_search;
