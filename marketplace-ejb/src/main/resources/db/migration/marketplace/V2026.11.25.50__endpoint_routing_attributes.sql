-- What routing needs to know of an endpoint and a listing beyond price (OpenRouter's provider preferences):
-- data_retention: what the endpoint keeps of a request; provider.data_collection = "deny" admits only 'none'.
--   'unknown' (the default) is treated as retaining, so an undeclared endpoint never serves a "deny" request.
-- max_concurrency / max_requests_per_minute: the endpoint's capacity (null: unlimited; 0 concurrency: drained,
--   takes no traffic). Routing skips an endpoint at capacity; when every candidate is, the caller gets 429.
-- supported_parameters: the request parameters a listing honours, comma-separated OpenRouter names such as
--   'max_tokens,temperature,tools' (null: not declared); provider.require_parameters admits only listings that
--   declare every parameter a request uses.
alter table provider_endpoint
    add column data_retention          text not null default 'unknown'
        check (data_retention in ('none', 'logs_prompts', 'unknown')),
    add column max_concurrency         integer check (max_concurrency >= 0),
    add column max_requests_per_minute integer check (max_requests_per_minute > 0);

alter table listing
    add column supported_parameters text check (supported_parameters ~ '^[a-z_]+(,[a-z_]+)*$');
