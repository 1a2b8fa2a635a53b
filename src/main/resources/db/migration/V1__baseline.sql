-- Placeholder so Flyway has a baseline; the schema comes in V2.
SELECT 1;
