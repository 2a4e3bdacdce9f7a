-- "No paid traffic to a provider without transfers capability active" (issue 6): the catalog routes a provider's
-- live listings only if the platform operates it, or it is exempt, or its Connect account's transfers capability is
-- active (provider_payout_account, kept from account.updated events; that table already bumps catalog_version).
-- payouts_exempt is for providers that are paid outside Connect: every provider that exists before this migration
-- (demo, bench and test seeds, hand-made ones) is exempt so nothing that serves today stops serving; providers
-- created later by sign-up are not. The seed file marks its providers exempt unless it says otherwise.
alter table provider add column payouts_exempt boolean not null default false;
update provider set payouts_exempt = true;

-- The Stripe time of the state kept on the row (an event's created, or the moment it was read from Stripe):
-- Connect events arrive unordered, and one older than this state must not overwrite it.
alter table provider_payout_account add column state_as_of timestamptz;
