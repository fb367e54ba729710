-- Payments held for their risk level (captured, risk level 1) wait for an admin: the admin's list filters on them and
-- the dashboard counts them on every refresh. They are few, so a partial index keeps both cheap however many payments
-- there are, and a payment leaves it the moment it is released or rejected.
CREATE INDEX idx_payments_held ON payments.payments (created_at DESC, id DESC) WHERE status = 'captured' AND risk_level = 1;
