-- The import keeps every price billing charges on the draft, as on listing (shared migration V2026.11.26.1): per
-- request, per million cached prompt tokens read and written, and one optional context tier (all three or none).
alter table listing_draft
    add column request_price_micros              bigint not null default 0 check (request_price_micros >= 0),
    add column cache_read_price_micros_per_mtok  bigint not null default 0 check (cache_read_price_micros_per_mtok >= 0),
    add column cache_write_price_micros_per_mtok bigint not null default 0 check (cache_write_price_micros_per_mtok >= 0),
    add column tier_min_context                  integer check (tier_min_context > 0),
    add column tier_input_price_micros_per_mtok  bigint check (tier_input_price_micros_per_mtok >= 0),
    add column tier_output_price_micros_per_mtok bigint check (tier_output_price_micros_per_mtok >= 0),
    add constraint listing_draft_tier_all_or_none check (
        (tier_min_context is null) = (tier_input_price_micros_per_mtok is null)
        and (tier_min_context is null) = (tier_output_price_micros_per_mtok is null));
