-- Issue 6, endpoints and listings: providers register their own endpoints (the upstream key sealed, a hint of it kept
-- for display), the model registry grows the fields admins curate and a review state for providers' proposals, and
-- imports write draft rows of `listing` itself (listing_draft is retired, see below).

-- An endpoint as its provider registers it. api_key holds the sealed value (enc:v1:<key id>:…, SecretCipher, context
-- provider_endpoint:<id>); legacy plain-text values from old seeds still work and `./marketplace reseal-secrets`
-- seals them. api_key_hint: the last 4 characters, the only part ever shown again.
alter table provider_endpoint
    add column list_models_url text check (length(list_models_url) between 8 and 2000),
    add column api_key_hint    text check (length(api_key_hint) <= 8),
    add column updated_at      timestamptz not null default now();

-- The registry curated by admins. registry_status: 'accepted' models may be listed by any provider and go live;
-- 'proposed' ones came from a provider's import under an author namespace nobody else owns and wait for an admin
-- ('proposed_by' is that provider: only its draft listings point at them, and they cannot be submitted);
-- 'rejected' proposals keep their row (and the reason) so the provider sees why; a later import proposes it again.
alter table model
    add column input_modalities  text[] not null default '{text}',
    add column output_modalities text[] not null default '{text}',
    add column registry_status   text not null default 'accepted'
        check (registry_status in ('proposed', 'accepted', 'rejected')),
    add column proposed_by       bigint references provider (id),
    add column decided_by        text,
    add column decided_at        timestamptz,
    add column decision_reason   text,
    add column updated_at        timestamptz not null default now(),
    add constraint model_modalities_known check (
        input_modalities <@ array['text', 'image', 'file', 'audio', 'video']
        and output_modalities <@ array['text', 'image', 'file', 'audio', 'video']
        and cardinality(input_modalities) > 0 and cardinality(output_modalities) > 0),
    add constraint model_proposal_has_proposer check (registry_status = 'accepted' or proposed_by is not null),
    add constraint model_rejection_has_reason check (registry_status <> 'rejected' or length(decision_reason) > 0);
create index model_proposals on model (created_at) where registry_status = 'proposed';

-- Descriptive fields of an imported listing (modalities, sampling parameters, features, description, deprecation date,
-- datacenters, the List Models URL it came from) and when the provider or an import last changed it.
alter table listing
    add column details    jsonb not null default '{}'::jsonb,
    add column updated_at timestamptz not null default now();
create index listing_by_status on listing (status, updated_at);

-- listing_draft (session 2's staging table) is retired: imports now create and update `listing` rows in status
-- 'draft' for one of the provider's endpoints, which the lifecycle then moves on. Its rows had no endpoint, so they
-- cannot become listings: re-run the import for an endpoint. The table stays (unused) until every branch that may
-- still alter it has merged; a later migration drops it.
comment on table listing_draft is 'retired by V2026.11.26.20: no longer written or read; imports write draft listing rows';
