-- Endpoint statistics rolled up per listing and minute (catalog.stats, decision 0017): each gateway node counts its
-- settled calls in memory and adds its deltas here every few seconds, so reading a day of a listing's health reads at
-- most 1,440 rows instead of every usage record of the day. Counts follow HealthRules: uptime from ok and error only;
-- cancelled and capped are counted for the provider's views. The histograms are the bucket counts of
-- catalog.stats.LogHistogram (8 log-scale buckets per doubling, bucket 0 below the lowest bound), trailing zero buckets
-- left off: latency in ms of ok calls, throughput in completion tokens per second of ok calls that took > 0 ms.
-- No foreign key to listing: a node must be able to flush a delta whatever became of the listing since the call.
create table endpoint_minute_stats (
    listing_id         bigint      not null,
    minute             timestamptz not null check (minute = date_trunc('minute', minute)),
    ok                 bigint      not null default 0 check (ok >= 0),
    error              bigint      not null default 0 check (error >= 0),
    cancelled          bigint      not null default 0 check (cancelled >= 0),
    capped             bigint      not null default 0 check (capped >= 0),
    latency_ms_buckets bigint[]    not null default '{}',
    throughput_buckets bigint[]    not null default '{}',
    primary key (listing_id, minute)
);

-- Pruning deletes by age across listings.
create index endpoint_minute_stats_minute on endpoint_minute_stats (minute);

-- Element-wise sum of two bucket arrays of any lengths (the shorter one counts as padded with zeros): how a node's
-- delta is added to the row another node (or an earlier flush) wrote.
create function endpoint_stats_add_buckets(a bigint[], b bigint[]) returns bigint[]
    language sql immutable parallel safe as $$
    select coalesce(array_agg(coalesce(x, 0) + coalesce(y, 0) order by i), '{}')
    from unnest(a, b) with ordinality as t(x, y, i)
$$;
