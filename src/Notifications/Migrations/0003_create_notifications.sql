-- Outgoing mail and the history of every mail. A row is written rendered (subject and both bodies) in the same
-- transaction that records the event in the inbox, so a redelivered event finds the inbox row and writes nothing,
-- and dedupe_key stops a second mail about the same thing from another event. The sender claims due rows, sends
-- them and marks them; an SMTP outage only moves next_attempt_at on.
CREATE TABLE notifications.notifications (
    id              uuid         PRIMARY KEY,
    -- What the mail is about and to whom, e.g. 'receipt:<pledge id>' or 'goal_reached_donor:<campaign>:<donor>'.
    dedupe_key      varchar(400) NOT NULL UNIQUE,
    -- The recipient's account when known (the history route lists by it); null for guests.
    user_id         uuid,
    recipient_email varchar(255) NOT NULL,
    template        varchar(50)  NOT NULL,
    -- Languages in the message, in order: 'en' or 'en,bn'.
    languages       varchar(20)  NOT NULL,
    subject         text         NOT NULL,
    body_text       text         NOT NULL,
    body_html       text         NOT NULL,
    -- The body carries a secret (an email-verification or donor-history link): the history route leaves it out.
    sensitive       boolean      NOT NULL DEFAULT false,
    -- queued until sent; failed only when the SMTP server refused the recipient for good (a 5xx). Never retried
    -- into failed: an outage keeps a row queued however long it lasts.
    status          varchar(10)  NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed')),
    attempts        integer      NOT NULL DEFAULT 0,
    -- When the sender may next try; a claim moves it on by the lease, so two replicas never send one row together.
    next_attempt_at timestamptz  NOT NULL,
    last_error      text,
    -- The event that caused it; null for mail asked for over HTTP.
    event_id        uuid,
    event_type      varchar(100),
    created_at      timestamptz  NOT NULL,
    sent_at         timestamptz
);

CREATE INDEX idx_notifications_due ON notifications.notifications (next_attempt_at) WHERE status = 'queued';
CREATE INDEX idx_notifications_user ON notifications.notifications (user_id, created_at DESC, id DESC) WHERE user_id IS NOT NULL;

-- Organiser mail that cannot be addressed yet: the campaign (and so its organiser) or the organiser's email is not
-- known here. Rendered and moved to notifications when the campaign or user event arrives; nothing is lost meanwhile.
CREATE TABLE notifications.waiting_mails (
    dedupe_key        varchar(400) PRIMARY KEY,
    template          varchar(50)  NOT NULL,
    campaign_id       uuid         NOT NULL,
    -- The organiser, once the campaign is known; null while it is not.
    recipient_user_id uuid,
    event_id          uuid         NOT NULL,
    event_type        varchar(100) NOT NULL,
    -- The event's facts the mail is rendered from.
    facts             jsonb        NOT NULL,
    created_at        timestamptz  NOT NULL
);

CREATE INDEX idx_waiting_mails_campaign ON notifications.waiting_mails (campaign_id);
CREATE INDEX idx_waiting_mails_user ON notifications.waiting_mails (recipient_user_id) WHERE recipient_user_id IS NOT NULL;

-- "Send me my donations" requests. The public route only appends here, the same work whether or not the address
-- is known; the sender's loop decides later (known guest donor, not asked within the interval) and deletes the row.
CREATE TABLE notifications.guest_link_requests (
    id           bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email        varchar(255) NOT NULL,
    requested_at timestamptz  NOT NULL
);
