-- One counter raised in the same transaction as every change of hosts, checks, notification rules and downtimes:
-- servers sharing the database read it every few seconds and read the whole configuration only when it moved.
CREATE TABLE MON_CONFIG_VERSION (ID INT NOT NULL PRIMARY KEY, VERSION BIGINT NOT NULL);
INSERT INTO MON_CONFIG_VERSION (ID, VERSION) VALUES (1, 0)
