-- The purchase fee a payment included on top of the credit (0 for auto top-ups): a refund beyond the credit
-- takes the fee back from platform:revenue:purchase-fee, so clearing follows what Stripe paid back.
ALTER TABLE stripe_payment ADD COLUMN fee_micros bigint NOT NULL DEFAULT 0 CHECK (fee_micros >= 0);
