package dev.marketplace.activity.application;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of the activity queries, with their parameters in order. Pure, so that what each filter adds is testable
 * without a database; {@link ActivityQueries} only binds and runs it.
 */
final class ActivitySql {
    /** Newest first; the id breaks ties so that offset pages never repeat or skip a row. */
    static final String ORDER = " order by u.created_at desc, u.id desc";
    private static final String ROW_COLUMNS = """
            select u.id, u.created_at, u.model_slug, u.provider_slug, k.name, u.prompt_tokens, u.completion_tokens,
                   u.cost_micros, u.latency_ms, u.status, u.streamed, u.metadata::text
            from usage_record u join api_key k on k.id = u.api_key_id""";

    private ActivitySql() {
    }

    /** A statement and its parameters, in order. */
    record Statement(String sql, List<Object> params) {
    }

    static Statement where(long developerId, GenerationFilter f) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder(" where u.developer_id = ? and u.created_at >= ? and u.created_at < ?");
        params.add(developerId);
        params.add(f.from().atStartOfDay().atOffset(ZoneOffset.UTC));
        params.add(f.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        if (f.model() != null) {
            sql.append(" and u.model_slug = ?");
            params.add(f.model());
        }
        if (f.keyId() != null) {
            sql.append(" and u.api_key_id = ?");
            params.add(f.keyId());
        }
        if (f.status() != null) {
            sql.append(" and u.status = ?");
            params.add(f.status());
        }
        return new Statement(sql.toString(), params);
    }

    /** One page of the filtered generations. */
    static Statement page(long developerId, GenerationFilter f, int offset, int limit) {
        Statement where = where(developerId, f);
        List<Object> params = new ArrayList<>(where.params());
        params.add(limit);
        params.add(offset);
        return new Statement(ROW_COLUMNS + where.sql() + ORDER + " limit ? offset ?", params);
    }

    /** Every filtered generation, for a streamed export. */
    static Statement all(long developerId, GenerationFilter f) {
        Statement where = where(developerId, f);
        return new Statement(ROW_COLUMNS + where.sql() + ORDER, where.params());
    }

    /** Usage per UTC day and group; {@code metadataKey} only for {@link Breakdown#METADATA}. */
    static Statement daily(long developerId, GenerationFilter f, Breakdown by, String metadataKey) {
        List<Object> params = new ArrayList<>();
        String group = switch (by) {
            case MODEL -> "u.model_slug";
            case KEY -> "k.name";
            case METADATA -> {
                params.add(metadataKey == null ? "" : metadataKey);
                yield "coalesce(u.metadata ->> ?, '')";
            }
        };
        Statement where = where(developerId, f);
        params.addAll(where.params());
        String sql = "select (u.created_at at time zone 'UTC')::date, " + group + ", sum(u.cost_micros)::bigint, "
                + "sum(u.prompt_tokens + u.completion_tokens)::bigint, count(*)"
                + " from usage_record u join api_key k on k.id = u.api_key_id" + where.sql()
                + " group by 1, 2 order by 1, 2";
        return new Statement(sql, params);
    }

    /** The metadata keys the filtered generations used, alphabetically, at most {@code limit}. */
    static Statement metadataKeys(long developerId, GenerationFilter f, int limit) {
        Statement where = where(developerId, f);
        List<Object> params = new ArrayList<>(where.params());
        params.add(limit);
        return new Statement("select distinct jsonb_object_keys(u.metadata) as key from usage_record u"
                + where.sql() + " and u.metadata is not null order by 1 limit ?", params);
    }

    /** The models the filtered generations used, alphabetically, at most {@code limit}. */
    static Statement models(long developerId, GenerationFilter f, int limit) {
        Statement where = where(developerId, f);
        List<Object> params = new ArrayList<>(where.params());
        params.add(limit);
        return new Statement("select distinct u.model_slug from usage_record u" + where.sql() + " order by 1 limit ?",
                params);
    }
}
