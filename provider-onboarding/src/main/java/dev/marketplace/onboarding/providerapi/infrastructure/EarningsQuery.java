package dev.marketplace.onboarding.providerapi.infrastructure;

import dev.marketplace.onboarding.providerapi.application.EarningsRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A provider's earnings per UTC day (of the journal's posting) and model: the usage journals posted for its
 * listings' usage records (journal idempotency key = generation id), with what they posted: gross from the debit
 * side, the fee on {@code platform:revenue:take}, the net on the payee (the provider's payable account, or
 * {@code platform:revenue:platform-provider} for a provider the platform operates). Tokens and request counts come
 * from the usage records. Prices are never consulted, so a later price change cannot alter past earnings.
 */
public final class EarningsQuery {
    static final String SQL = """
            select (j.created_at at time zone 'UTC')::date, u.model_slug, count(*),
                   sum(u.prompt_tokens), sum(u.completion_tokens), sum(x.gross), sum(x.fee), sum(x.net)
              from usage_record u
              join listing l on l.id = u.listing_id
              join provider_endpoint e on e.id = l.endpoint_id
              join provider p on p.id = e.provider_id
              join ledger_journal j on j.idempotency_key = u.id and j.kind = 'usage'
              cross join lateral (
                    select coalesce(-sum(amount_micros) filter (where amount_micros < 0), 0) as gross,
                           coalesce(sum(amount_micros) filter (where account_code = 'platform:revenue:take'), 0) as fee,
                           coalesce(sum(amount_micros) filter (where account_code = case when p.platform_operated
                               then 'platform:revenue:platform-provider'
                               else 'provider:' || p.id || ':payable' end), 0) as net
                      from ledger_posting where journal_id = j.id) x
             where e.provider_id = ? and j.created_at >= ? and j.created_at < ?
             group by 1, 2 order by 1, 2""";

    /** Days {@code from} to {@code to}, both included. */
    public List<EarningsRow> read(Connection c, long providerId, LocalDate from, LocalDate to) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SQL)) {
            s.setLong(1, providerId);
            s.setTimestamp(2, Timestamp.from(from.atStartOfDay().toInstant(ZoneOffset.UTC)));
            s.setTimestamp(3, Timestamp.from(to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
            List<EarningsRow> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new EarningsRow(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getLong(3), rs.getLong(4),
                            rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)));
                }
            }
            return out;
        }
    }
}
