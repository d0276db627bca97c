-- A counter that every transaction changing items or relationships increments: the in-memory graph index of each
-- process compares it with the version it holds and reloads when another process changed the graph.
CREATE TABLE ASSET_GRAPH_VERSION (
    ID INTEGER NOT NULL PRIMARY KEY,
    VERSION BIGINT NOT NULL
);
INSERT INTO ASSET_GRAPH_VERSION (ID, VERSION) VALUES (1, 0);
