-- A new user proves their email address by following a link that carries a one-time secret. Only the secret's
-- SHA-256 is kept, so a leaked table verifies nobody. A row is spent once (used_at) and works for a limited
-- time (expires_at); each registration and each resend adds a row, so the rows of the last hour also say how
-- many verification mails a user has asked for.
CREATE TABLE auth.email_verifications (
    id         uuid        PRIMARY KEY,
    user_id    uuid        NOT NULL REFERENCES auth.users (id) ON DELETE CASCADE,
    -- Hex SHA-256 of the token; the token itself is only in the mail.
    token_hash char(64)    NOT NULL UNIQUE,
    expires_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    used_at    timestamptz
);

-- Counting a user's recent requests (the resend limit) reads the newest rows of one user.
CREATE INDEX idx_email_verifications_user ON auth.email_verifications (user_id, created_at);
CREATE INDEX idx_email_verifications_expires ON auth.email_verifications (expires_at);
