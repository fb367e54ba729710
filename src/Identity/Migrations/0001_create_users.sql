-- Identity's tables live in the "auth" schema, as in the seed design.
CREATE SCHEMA IF NOT EXISTS auth;

CREATE TABLE auth.users (
    id             uuid         PRIMARY KEY,
    -- Stored trimmed and lower-cased, so the unique constraint is case-insensitive.
    email          varchar(255) NOT NULL UNIQUE CHECK (email = lower(email)),
    password_hash  varchar(255) NOT NULL,
    role           varchar(20)  NOT NULL DEFAULT 'USER' CHECK (role IN ('USER', 'ADMIN')),
    is_active      boolean      NOT NULL DEFAULT true,
    email_verified boolean      NOT NULL DEFAULT false,
    suspended_at   timestamptz,
    -- Version of the user aggregate, carried by its events so consumers can order them.
    version        bigint       NOT NULL DEFAULT 1,
    created_at     timestamptz  NOT NULL DEFAULT now(),
    updated_at     timestamptz  NOT NULL DEFAULT now()
);

CREATE INDEX idx_users_role ON auth.users (role);

CREATE TABLE auth.user_profiles (
    id         uuid         PRIMARY KEY,
    user_id    uuid         NOT NULL UNIQUE REFERENCES auth.users (id) ON DELETE CASCADE,
    first_name varchar(100),
    last_name  varchar(100),
    phone      varchar(20),
    avatar_url text,
    bio        text,
    created_at timestamptz  NOT NULL DEFAULT now(),
    updated_at timestamptz  NOT NULL DEFAULT now()
);
