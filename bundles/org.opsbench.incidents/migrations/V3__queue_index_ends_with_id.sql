-- The queue page orders by the SLA deadline with the ticket id as tie-breaker: with the id in the index the first 50
-- rows of a state and priority come straight from the index, without sorting every match.
DROP INDEX INC_TICKET_QUEUE;
CREATE INDEX INC_TICKET_QUEUE ON INC_TICKET (STATE, PRIORITY, RESOLUTION_DUE, ID);
