-- Migration number: 0001 	 2026-12-04T22:00:00.000Z
-- The users the cache-aside pattern of src/d1/users.ts reads.
CREATE TABLE IF NOT EXISTS users (
    id TEXT PRIMARY KEY NOT NULL,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);

INSERT INTO users (id, email, name, created_at) VALUES
    ('ann', 'ann@example.com', 'Ann', '2026-01-01 00:00:00'),
    ('bob', 'bob@example.com', 'Bob', '2026-01-01 00:00:00');
