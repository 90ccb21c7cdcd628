-- connector: a cancelled invoice and the credit note that cancels it (Germany's Stornorechnung:
-- the original marked "storniert", a negative invoice of the same amount issued beside it). The
-- original, written off whole, is not loaded; the credit note alone would take its amount off
-- revenue a second time. A credit note of a client and currency whose amount, negated, is one of
-- that client's cancelled invoices in the file is left out with it (each cancelled invoice pairs
-- with one credit note, the earliest lines first): together they are nothing.
UPDATE src_bills SET skip = 'cancellation'
WHERE line IN (
    WITH cancelled AS (
        SELECT client_key, currency, amount AS amt,
               row_number() OVER (PARTITION BY client_key, currency, amount ORDER BY line) AS n
        FROM src_bills WHERE skip = 'written off' AND kind = 'closed' AND amount > 0
    ),
    notes AS (
        SELECT line, client_key, currency, -amount AS amt,
               row_number() OVER (PARTITION BY client_key, currency, amount ORDER BY line) AS n
        FROM src_bills WHERE skip IS NULL AND amount < 0
    )
    SELECT notes.line
    FROM notes JOIN cancelled c
      ON c.client_key = notes.client_key AND c.currency IS NOT DISTINCT FROM notes.currency
     AND c.amt = notes.amt AND c.n = notes.n
);
