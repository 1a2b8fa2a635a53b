-- API tokens (issue 8): bearer tokens with a role. Only the SHA-256 of a token's secret is stored; the secret is
-- shown once, when the token is created. A revoked token keeps its row (revoked_at set) so the list shows it.
CREATE TABLE api_token (
    id          uuid PRIMARY KEY,
    name        text        NOT NULL,
    role        text        NOT NULL CHECK (role IN ('admin', 'user', 'worker', 'viewer')),
    secret_hash text        NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL,
    revoked_at  timestamptz
);

-- The token a worker leased an experiment with, so a worker token can read the experiments it holds (and no others).
ALTER TABLE experiment ADD COLUMN lease_token_id uuid;
