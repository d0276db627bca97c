-- Backup area: where each job's schedule stands, so that a slot missed while the server was down is caught up once.
-- SCHEDULED_FROM: epoch ms of the last slot a scheduled run was started for (or of the schedule's last change);
-- NULL for jobs saved before this version: their newest run takes its place.

ALTER TABLE BKP_JOB ADD COLUMN SCHEDULED_FROM BIGINT;
