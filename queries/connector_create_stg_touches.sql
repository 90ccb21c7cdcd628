-- connector: an export of interactions (helpdesk tickets, or a mapped sheet) as the user wrote it
-- (trimmed text, '' as NULL), with its line number, under the names helpdesk.py and mapping.py give
-- its columns; a column the export lacks stays NULL. `domain` is a requester's email or web domain.
CREATE OR REPLACE TEMP TABLE stg_touches (
    line BIGINT, ticket_id VARCHAR, client VARCHAR, "domain" VARCHAR, email VARCHAR, "at" VARCHAR,
    channel VARCHAR, kind VARCHAR, priority VARCHAR, ticket_type VARCHAR, tags VARCHAR,
    satisfaction VARCHAR, sentiment VARCHAR, note VARCHAR, "time" VARCHAR
);
