-- The admin service's tables live in the "admin" schema, as in the seed design: the audit log (fed only by the
-- owning services' events, so no route an admin takes skips it) and the admins' system notifications.
CREATE SCHEMA IF NOT EXISTS admin;

CREATE TABLE admin.audit_logs (
    id           uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
    -- The event the entry was made from: a redelivered event (even after its inbox row was pruned) logs once.
    event_id     uuid         NOT NULL UNIQUE,
    event_type   varchar(100) NOT NULL,
    admin_id     uuid         NOT NULL,
    action       varchar(100) NOT NULL,
    entity_type  varchar(50)  NOT NULL CHECK (entity_type IN ('campaign', 'user', 'payment')),
    entity_id    uuid         NOT NULL,
    -- {before, after, reason} plus what the action moved (amount and currency of a refund, ...).
    details      jsonb        NOT NULL,
    ip_address   inet,
    user_agent   text,
    -- When the admin acted (the event's occurredAt), not when the event reached us.
    created_at   timestamptz  NOT NULL,
    recorded_at  timestamptz  NOT NULL DEFAULT now()
);

CREATE INDEX idx_audit_logs_admin ON admin.audit_logs (admin_id, created_at DESC);
CREATE INDEX idx_audit_logs_entity ON admin.audit_logs (entity_type, entity_id);
CREATE INDEX idx_audit_logs_action ON admin.audit_logs (action);
CREATE INDEX idx_audit_logs_date ON admin.audit_logs (created_at DESC);

-- An audit log that can be edited proves nothing: rows are only ever added.
CREATE FUNCTION admin.refuse_audit_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'admin.audit_logs is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_logs_append_only
    BEFORE UPDATE OR DELETE ON admin.audit_logs
    FOR EACH ROW EXECUTE FUNCTION admin.refuse_audit_change();

CREATE TRIGGER audit_logs_no_truncate
    BEFORE TRUNCATE ON admin.audit_logs
    FOR EACH STATEMENT EXECUTE FUNCTION admin.refuse_audit_change();

CREATE TABLE admin.system_notifications (
    id          uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
    -- What raised it: one notification per payment held, per payment reconciliation found, per refused
    -- notification, per increase of a dead-letter queue, however often the cause is seen again.
    dedupe_key  varchar(200) NOT NULL UNIQUE,
    -- The seed's alert | warning | info, derived from the severity.
    type        varchar(50)  NOT NULL CHECK (type IN ('alert', 'warning', 'info')),
    -- The machine kind: risk_held_payment, reconciliation_found_money, notification_rejected, dead_letters.
    category    varchar(50)  NOT NULL,
    title       varchar(255) NOT NULL,
    message     text         NOT NULL,
    severity    varchar(20)  NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
    metadata    jsonb        NOT NULL DEFAULT '{}'::jsonb,
    read_at     timestamptz,
    read_by     uuid,
    -- The seed's flag, kept true to read_at by construction.
    is_read     boolean      GENERATED ALWAYS AS (read_at IS NOT NULL) STORED,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    CHECK ((read_at IS NULL) = (read_by IS NULL))
);

CREATE INDEX idx_system_notifications_unread ON admin.system_notifications (is_read, created_at DESC);
CREATE INDEX idx_system_notifications_severity ON admin.system_notifications (severity, created_at DESC);

-- The last message count seen in each consumer's dead-letter queue, so an increase raises one notification
-- whichever replica saw it and however often the service restarted.
CREATE TABLE admin.dead_letter_counts (
    queue_name    varchar(100) PRIMARY KEY,
    message_count bigint       NOT NULL CHECK (message_count >= 0),
    increases     integer      NOT NULL DEFAULT 0,
    observed_at   timestamptz  NOT NULL
);
