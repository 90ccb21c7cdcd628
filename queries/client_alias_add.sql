-- An alias the owner gives a client (kind 'name': another spelling in a tracker; kind 'id': the id of
-- a client merged into it): imports find the client under it from now on.
INSERT OR REPLACE INTO client_aliases (kind, alias_key, alias, client_id, created_at)
VALUES ($kind, CASE WHEN $kind = 'name' THEN name_key($alias) ELSE $alias END, $alias, $client_id, $created_at);
