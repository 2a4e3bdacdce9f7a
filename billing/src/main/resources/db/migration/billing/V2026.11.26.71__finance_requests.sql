-- Finance requests that move a developer's credit by hand, each with a reason and four-eyes approval: a credit grant
-- (promotion, goodwill), a refund of unused credit to the developer's card (through Stripe; the charge.refunded
-- webhook then reverses the credit as for any refund) and a bad-debt write-off of a negative balance.
-- requested → approved (by another finance user; the effect is applied then) or rejected. The journal or the Stripe
-- refund is keyed by the request id, so an approval that is retried applies once.
CREATE TABLE finance_request (
    id             bigserial   PRIMARY KEY,
    kind           text        NOT NULL CHECK (kind IN ('credit_grant', 'credit_refund', 'bad_debt')),
    developer_id   bigint      NOT NULL CHECK (developer_id > 0),
    amount_micros  bigint      NOT NULL CHECK (amount_micros > 0),
    reason         text        NOT NULL CHECK (length(reason) BETWEEN 3 AND 500),
    requested_by   text        NOT NULL,
    requested_at   timestamptz NOT NULL DEFAULT now(),
    status         text        NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'approved', 'rejected')),
    decided_by     text,
    decided_at     timestamptz,
    outcome        text,
    CHECK ((status = 'requested') = (decided_by IS NULL)),
    CHECK (decided_by IS NULL OR decided_by <> requested_by),
    CHECK (kind <> 'credit_refund' OR amount_micros % 10000 = 0)
);
CREATE INDEX finance_request_open_idx ON finance_request (status, requested_at);
