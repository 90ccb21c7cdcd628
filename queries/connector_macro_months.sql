-- connector: a date's month named in French, German, Spanish or English, whole or cut short, with or
-- without its dot ("1 janv. 2025", "3. März 2025", "15 agosto 2025", "1 January 2025"), as the English
-- abbreviation strptime's %b reads ("1 Jan 2025"): a Montréal shop's French dates were refused with
-- --date-format '%d %b %Y', which reads only English. Only where the pattern names a month (%b, %B).
-- One fold over the twelve months' patterns: written out as twelve nested replacements, every date
-- read by every import carried them, and an invoice import took twice as long to plan.
CREATE OR REPLACE TEMP MACRO connector_months(v) AS
    list_reduce([
        ['(^|[^\pL])(janvier|janv|january|januar|enero|ene|jan)\.?([^\pL]|$)', '\1Jan\3'],
        ['(^|[^\pL])(février|fevrier|févr|fevr|fév|fev|february|februar|febrero|feb)\.?([^\pL]|$)', '\1Feb\3'],
        ['(^|[^\pL])(mars|märz|maerz|march|marzo|mär|mar)\.?([^\pL]|$)', '\1Mar\3'],
        ['(^|[^\pL])(avril|avr|april|abril|abr|apr)\.?([^\pL]|$)', '\1Apr\3'],
        ['(^|[^\pL])(mai|may|mayo)\.?([^\pL]|$)', '\1May\3'],
        ['(^|[^\pL])(juin|juni|june|junio|jun)\.?([^\pL]|$)', '\1Jun\3'],
        ['(^|[^\pL])(juillet|juil|juli|july|julio|jul)\.?([^\pL]|$)', '\1Jul\3'],
        ['(^|[^\pL])(août|aout|august|agosto|ago|aug)\.?([^\pL]|$)', '\1Aug\3'],
        ['(^|[^\pL])(septembre|september|septiembre|sept|sep|set)\.?([^\pL]|$)', '\1Sep\3'],
        ['(^|[^\pL])(octobre|oktober|october|octubre|okt|oct)\.?([^\pL]|$)', '\1Oct\3'],
        ['(^|[^\pL])(novembre|november|noviembre|nov)\.?([^\pL]|$)', '\1Nov\3'],
        ['(^|[^\pL])(décembre|decembre|dezember|december|diciembre|déc|dec|dez|dic)\.?([^\pL]|$)', '\1Dec\3']
    ], lambda acc, p: regexp_replace(acc, p[1], p[2], 'i'), v);
