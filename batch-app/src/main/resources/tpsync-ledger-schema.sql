-- tpsync idempotency ledger: one row per (athlete, plan workout key). Plain SQL that runs on H2 and PostgreSQL.
-- Never holds a token or any other credential.
CREATE TABLE IF NOT EXISTS TPSYNC_LEDGER (
    athlete_id   BIGINT       NOT NULL,
    item_key     VARCHAR(100) NOT NULL,
    plan_hash    VARCHAR(64)  NOT NULL,
    workout_day  DATE         NOT NULL,
    sport_type   INT          NOT NULL,
    title        VARCHAR(500) NOT NULL,
    content_hash VARCHAR(64)  NOT NULL,
    state        VARCHAR(10)  NOT NULL,
    workout_id   BIGINT,
    created_at   TIMESTAMP    NOT NULL,
    updated_at   TIMESTAMP    NOT NULL,
    CONSTRAINT TPSYNC_LEDGER_PK PRIMARY KEY (athlete_id, item_key),
    CONSTRAINT TPSYNC_LEDGER_STATE_CK CHECK (state IN ('PENDING', 'CREATED'))
);

CREATE INDEX IF NOT EXISTS TPSYNC_LEDGER_WORKOUT_IX ON TPSYNC_LEDGER (athlete_id, workout_id);
