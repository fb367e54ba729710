-- Refresh tokens rotate on every use. Each login starts a family; every rotation adds a row to it and points
-- the old row at the new one (replaced_by). A row that comes back after it was replaced means a copy exists,
-- and the whole family is revoked.
CREATE TABLE auth.refresh_tokens (
    id                      uuid        PRIMARY KEY,
    user_id                 uuid        NOT NULL REFERENCES auth.users (id) ON DELETE CASCADE,
    -- Hex SHA-256 of the token; the token itself is never stored.
    token_hash              char(64)    NOT NULL UNIQUE,
    family_id               uuid        NOT NULL,
    expires_at              timestamptz NOT NULL,
    created_at              timestamptz NOT NULL DEFAULT now(),
    replaced_by             uuid        REFERENCES auth.refresh_tokens (id),
    used_at                 timestamptz,
    revoked_at              timestamptz,
    revoked_reason          varchar(32),
    -- The access token issued with this refresh token, so revoking a family can deny-list it until it expires.
    access_token_jti        uuid        NOT NULL,
    access_token_expires_at timestamptz NOT NULL
);

CREATE INDEX idx_refresh_tokens_user ON auth.refresh_tokens (user_id);
CREATE INDEX idx_refresh_tokens_family ON auth.refresh_tokens (family_id);
CREATE INDEX idx_refresh_tokens_expires ON auth.refresh_tokens (expires_at);
