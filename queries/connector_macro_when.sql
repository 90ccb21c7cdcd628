-- connector: a date as an export writes it, alone or with a time of day, split into its date text d and
-- its time text t ('' when it has none): '2026-09-20', '2026-09-20 08:03:55', '2026-09-20T08:03:55.120Z',
-- '9/20/2026 8:03:55 PM', '2026-03-02 21:40:05 +0100', '2026/09/20 8:03:55 AM GMT+2'. A zone (Z, UTC,
-- GMT+2, +01:00) is dropped: the clock time as written is kept, as the native import does, because the
-- scoring reads local working hours. Anything else gives '' for both.
CREATE OR REPLACE TEMP MACRO connector_when(v) AS
    regexp_extract(
        v,
        '^(\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4})(?:(?:T|\s+)(\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:\s*[AaPp]\.?\s?[Mm]\.?)?)(?:\s*(?:Z|(?:UTC|GMT)?\s*[+-]\d{1,2}(?::?\d{2})?|UTC|GMT))?)?$',
        ['d', 't']
    );
