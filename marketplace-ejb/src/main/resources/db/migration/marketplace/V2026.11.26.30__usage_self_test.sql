-- A provider's member calling the provider's own draft, pending or paused listing with their own key (issue 6:
-- "a provider can test its own pending listings with its own keys, billed at zero"): the usage is recorded at cost 0
-- and marked here, and no hold or journal is written for it.
alter table usage_record add column self_test boolean not null default false;
