-- A problem notification held back by a maintenance window, an unreachable host or flapping is still owed after a
-- restart; escalations count from the first notification of a problem, not from its start.
ALTER TABLE MON_STATE ADD COLUMN HELD_BACK BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE MON_STATE ADD COLUMN NOTIFIED_SINCE BIGINT NOT NULL DEFAULT 0
