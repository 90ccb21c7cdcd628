-- connector: text as a run of words for the activity rules: accents dropped, lower case, everything
-- but letters and digits a single space, with a space before and after. A rule word w (itself put
-- through this, right-trimmed) matches where contains(words, w): at the start of a word, so 'call'
-- finds 'Call', 'calls' and 'call-back' but not 'recall'.
CREATE OR REPLACE TEMP MACRO connector_words(v) AS
    ' ' || trim(regexp_replace(lower(strip_accents(coalesce(v, ''))), '[^\pL\pN]+', ' ', 'g')) || ' ';
