-- Each event's other properties (a JSON object of strings), when its source had any.
ALTER TABLE events ADD COLUMN properties jsonb NULL;
