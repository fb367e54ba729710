-- What pledges knows about each campaign's status, fed by campaign.* events (and by asking campaigns when this
-- copy does not say "active"). Only an active campaign accepts pledges.
CREATE TABLE pledges.campaigns (
    id         uuid        PRIMARY KEY,
    status     varchar(20) NOT NULL CHECK (status IN ('draft', 'active', 'completed', 'cancelled', 'expired')),
    -- The campaign's aggregate version of that status; an event applies only when it is newer. 0 means the
    -- status came from asking campaigns, so any event replaces it.
    version    bigint      NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);
