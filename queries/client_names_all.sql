-- Every client's id and name, for suggesting the nearest when a name matches none.
SELECT client_id, name FROM clients ORDER BY client_id;
