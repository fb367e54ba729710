-- Every status a campaign took, who moved it and why. A draft that is erased takes its history with it (its
-- campaign.cancelled event, with the actor, is the lasting record).
CREATE TABLE campaigns.campaign_status_history (
    id             bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    campaign_id    uuid         NOT NULL REFERENCES campaigns.campaigns (id) ON DELETE CASCADE,
    -- NULL when the campaign was created.
    from_status    varchar(20),
    to_status      varchar(20)  NOT NULL,
    reason         text,
    -- NULL when the platform itself moved it (the closing job).
    actor_id       uuid,
    client_address varchar(100),
    user_agent     varchar(512),
    changed_at     timestamptz  NOT NULL DEFAULT now()
);

CREATE INDEX idx_campaign_status_history_campaign ON campaigns.campaign_status_history (campaign_id, changed_at);
