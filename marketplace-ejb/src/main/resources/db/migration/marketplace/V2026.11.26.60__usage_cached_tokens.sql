-- Prompt tokens the upstream reported as read from (cache_read_tokens) and written to (cache_write_tokens) its prompt
-- cache. Both are part of prompt_tokens, as OpenAI and OpenRouter count them, and are billed at the listing's cache
-- prices instead of its input price (see docs/ledger.md).
alter table usage_record
    add column cache_read_tokens  bigint not null default 0 check (cache_read_tokens >= 0),
    add column cache_write_tokens bigint not null default 0 check (cache_write_tokens >= 0),
    add constraint usage_record_cached_within_prompt check (cache_read_tokens + cache_write_tokens <= prompt_tokens);
