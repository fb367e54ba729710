-- The admins' user list pages through every account newest first; without this each page sorts the whole table.
CREATE INDEX idx_users_created ON auth.users (created_at DESC, id DESC);
