-- connector: how many line breaks a text holds (a quoted value written over several lines moves the
-- records after it down as many lines): each CRLF, LF or bare CR one, as an editor counts them. A
-- file saved with an old Mac's bare CRs was counted short by its notes' every line.
CREATE OR REPLACE TEMP MACRO connector_line_breaks(v) AS
    (length(v) - length(replace(v, chr(10), ''))) + (length(v) - length(replace(v, chr(13), '')))
    - (length(v) - length(replace(v, chr(13) || chr(10), ''))) // 2;
