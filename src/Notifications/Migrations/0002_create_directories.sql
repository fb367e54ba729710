-- What notifications knows about the people and campaigns it writes about, kept from their owners' events so a
-- mail never waits on a call to another service. Each table holds only what the mails need.

-- Accounts, from user.registered (and the email of user.verification_requested). Organiser mail is addressed
-- from here: a campaign names its organiser by id only.
CREATE TABLE notifications.users (
    id         uuid         PRIMARY KEY,
    email      varchar(255) NOT NULL,
    first_name varchar(100),
    last_name  varchar(100),
    -- USER or ADMIN; null until user.registered arrives (user.verification_requested may come first).
    role       varchar(20),
    updated_at timestamptz  NOT NULL DEFAULT now()
);

-- Campaigns, from every campaign.* event; a row moves only to a newer aggregate version, so a late event never
-- brings back an older title or status.
CREATE TABLE notifications.campaigns (
    id              uuid          PRIMARY KEY,
    title           varchar(255)  NOT NULL,
    organizer_id    uuid          NOT NULL,
    status          varchar(20)   NOT NULL,
    goal_amount     numeric(15,2) NOT NULL,
    current_amount  numeric(15,2) NOT NULL,
    currency        varchar(3)    NOT NULL,
    -- Kept from whichever event first says so, whatever its version: donors who gave up to this moment get the
    -- goal-reached mail, even when their pledge.completed arrives after campaign.goal_reached.
    goal_reached_at timestamptz,
    version         bigint        NOT NULL,
    updated_at      timestamptz   NOT NULL DEFAULT now()
);

-- One row per pledge that completed or was refunded, from pledge.completed / pledge.refunded: who gave to which
-- campaign, so the goal-reached mail goes once to each distinct donor and the final report can count donors and
-- donations. "counted" follows the pledge's newest version (completed: true; refunded: false), so a refund that
-- arrives before its completion still ends uncounted.
CREATE TABLE notifications.campaign_donations (
    pledge_id    uuid          PRIMARY KEY,
    campaign_id  uuid          NOT NULL,
    -- 'user:<id>' for a signed-in donor, 'email:<lower-case email>' for a guest: what "distinct donor" means.
    donor_key    varchar(300)  NOT NULL,
    user_id      uuid,
    donor_email  varchar(255)  NOT NULL,
    -- Null when the donor gave anonymously (events never carry the name then).
    donor_name   varchar(255),
    amount       numeric(15,2) NOT NULL,
    currency     varchar(3)    NOT NULL,
    counted      boolean       NOT NULL,
    -- When the pledge completed; kept once known, whatever order the events came in.
    completed_at timestamptz,
    version      bigint        NOT NULL,
    updated_at   timestamptz   NOT NULL DEFAULT now()
);

CREATE INDEX idx_campaign_donations_campaign ON notifications.campaign_donations (campaign_id, donor_key) WHERE counted;

-- Guest email addresses known to have donations: only these get the "send me my donations" link, and at most one
-- such mail per address per interval (last_link_sent_at).
CREATE TABLE notifications.guest_donors (
    email             varchar(255) PRIMARY KEY,
    first_seen_at     timestamptz  NOT NULL,
    last_link_sent_at timestamptz
);
