-- Schema 2: the owner's review. Decisions keep their history (a change of mind is a new row; the
-- latest per quarter and client is the one in force); the exit checklist and the termination letter
-- belong to the client, one row per step and one letter.
CREATE SEQUENCE review_decision_seq;

CREATE TABLE review_decisions (
    decision_id    BIGINT PRIMARY KEY DEFAULT nextval('review_decision_seq'),
    quarter        VARCHAR NOT NULL,
    client_id      VARCHAR NOT NULL,
    decision       VARCHAR NOT NULL,
    note           VARCHAR,
    decided_at     TIMESTAMP NOT NULL,
    recommendation VARCHAR,
    health         DOUBLE,
    effort_return  DOUBLE,
    evidence       VARCHAR
);

CREATE TABLE exit_steps (
    client_id  VARCHAR NOT NULL,
    step       VARCHAR NOT NULL,
    status     VARCHAR NOT NULL,
    done_on    DATE,
    note       VARCHAR,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (client_id, step)
);

CREATE TABLE exit_letters (
    client_id  VARCHAR PRIMARY KEY,
    body       VARCHAR NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
