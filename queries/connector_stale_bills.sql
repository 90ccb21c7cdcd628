-- connector (inside the write transaction, before the export's rows are written; said, never
-- removed): the invoices this $source wrote before for the clients of this file, issued within its
-- first and last issue day (or, for a mapped sheet read as the whole sheet of its clients, $whole:
-- any day), whose key
-- the file does not carry: an invoice deleted or renumbered at the source since. An invoice written
-- off whole (no row of its own, its earlier rows replaced) is not one. Per client, most first: name,
-- count, NULL (no hours), and the file's first and last issue day.
WITH span AS (SELECT min(issued) AS first_day, max(issued) AS last_day FROM src_bill_rows),
gone AS (
    SELECT i.client_id, i.source_key
    FROM invoices i, span
    WHERE i.source = $source
      AND i.client_id IN (SELECT client_id FROM src_bill_rows)
      AND ($whole OR i.issued_on BETWEEN span.first_day AND span.last_day)
      AND i.source_key NOT IN (SELECT source_key FROM src_bill_rows
                               UNION ALL
                               SELECT md5(key_base) FROM src_bills WHERE skip IS NOT NULL)
    GROUP BY ALL  -- an invoice paid in part is two rows: one invoice
)
SELECT c.name, count(*) AS n, NULL::DOUBLE AS hours, any_value(span.first_day), any_value(span.last_day)
FROM gone JOIN clients c USING (client_id), span
GROUP BY c.name
ORDER BY n DESC, c.name;
