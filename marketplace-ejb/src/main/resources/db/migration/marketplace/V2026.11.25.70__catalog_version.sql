-- One counter that every change of the routed catalog bumps, in the changing transaction: each node polls it once a
-- second and rebuilds its in-memory CatalogSnapshot when it moved, so a price change or a suspension reaches every
-- node within about a second whoever wrote it (JPA, SQL by hand, a future admin screen). A row update and not a
-- sequence: the new value becomes visible only when the change itself commits, so a poll can never see the new
-- version with the old rows. (decision 0006)
create table catalog_version (
    id         boolean primary key default true check (id),
    version    bigint not null,
    changed_at timestamptz not null default now()
);
insert into catalog_version (version) values (1);

create function catalog_version_bump() returns trigger
language plpgsql as $$
begin
    update catalog_version set version = version + 1, changed_at = now();
    return null;
end
$$;

-- Statement-level: a bulk update costs one bump. Every table the snapshot is built from.
create trigger provider_catalog_version after insert or update or delete on provider
    for each statement execute function catalog_version_bump();
create trigger provider_endpoint_catalog_version after insert or update or delete on provider_endpoint
    for each statement execute function catalog_version_bump();
create trigger model_catalog_version after insert or update or delete on model
    for each statement execute function catalog_version_bump();
create trigger listing_catalog_version after insert or update or delete on listing
    for each statement execute function catalog_version_bump();
