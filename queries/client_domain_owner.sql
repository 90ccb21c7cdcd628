-- Which clients have the web domain $domain (as the owner set it or a folder gave it), compared as
-- imports compare a requester's domain: lower case, without 'www.' or a trailing dot.
SELECT client_id
FROM clients
WHERE rtrim(regexp_replace(lower(trim("domain")), '^www\.', ''), '.') = $domain
ORDER BY 1;
