package dev.marketplace.catalog.browse;

import dev.marketplace.catalog.stats.EndpointStats;
import dev.marketplace.catalog.stats.EndpointStatsReader;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Reads the public catalog: the live listings (one query, kept for {@link #LIVE_TTL} so anonymous visitors cannot
 * turn page views into queries), upcoming price changes of a model's listings, endpoint health from
 * {@link EndpointStatsReader}, and rankings by tokens served (kept for {@link #RANKING_TTL}).
 */
@ApplicationScoped
public class CatalogBrowser {
    static final Duration LIVE_TTL = Duration.ofSeconds(2);
    static final Duration RANKING_TTL = Duration.ofSeconds(60);
    public static final int RANKING_DAYS = 7;

    /**
     * What routing serves: live listings on active endpoints of active providers that can be paid (the same rule as
     * {@code PaidTrafficGate}), cheapest first per model.
     */
    static final String LIVE = """
            select l.id, m.slug, m.name, m.description, m.context_length, m.max_output_tokens, m.input_modalities,
                   m.output_modalities, m.created_at, p.slug, p.name, l.input_price_micros_per_mtok,
                   l.output_price_micros_per_mtok, l.request_price_micros, l.cache_read_price_micros_per_mtok,
                   l.cache_write_price_micros_per_mtok, l.quantization, m.id
            from listing l
            join model m on m.id = l.model_id
            join provider_endpoint e on e.id = l.endpoint_id
            join provider p on p.id = e.provider_id
            where l.status = 'live' and e.status = 'active' and p.status = 'active'
              and (p.platform_operated or p.payouts_exempt
                   or exists (select 1 from provider_payout_account a
                               where a.provider_id = p.id and a.transfers_capability = 'active'))
            order by m.slug, l.output_price_micros_per_mtok, l.input_price_micros_per_mtok, l.id""";
    /** Scheduled, neither applied nor cancelled: soonest first. */
    static final String UPCOMING = """
            select listing_id, effective_at, input_price_micros_per_mtok, output_price_micros_per_mtok,
                   request_price_micros, cache_read_price_micros_per_mtok, cache_write_price_micros_per_mtok
            from listing_price_change
            where listing_id = any (?) and applied_at is null and cancelled_at is null
            order by effective_at, id""";
    /** Tokens of successful calls per model over every listing (live or not) of the given models in the window. */
    static final String TOKENS = """
            select m.slug, sum(u.prompt_tokens::bigint + u.completion_tokens)
            from usage_record u
            join listing l on l.id = u.listing_id
            join model m on m.id = l.model_id
            where l.model_id = any (?) and u.created_at >= now() - make_interval(days => ?) and u.status = 'ok'
            group by m.slug""";

    @Resource(lookup = "java:jboss/datasources/MarketDirectDS")
    DataSource dataSource;
    @Inject
    EndpointStatsReader stats;

    private volatile Cached<List<LiveListing>> live;
    private volatile Cached<List<RankedModel>> ranking;

    public CatalogBrowser() {
        // for CDI
    }

    public CatalogBrowser(DataSource dataSource, EndpointStatsReader stats) {
        this.dataSource = dataSource;
        this.stats = stats;
    }

    /** The live models the query admits, in its order. */
    public List<ModelCard> models(CatalogQuery query) {
        return query.apply(cards(liveListings()));
    }

    /** Every slug of a provider that serves something live, for the provider filter. */
    public List<String> providerSlugs() {
        return liveListings().stream().map(LiveListing::providerSlug).distinct().sorted().toList();
    }

    /** Every modality some live model takes or gives, for the modality filter. */
    public List<String> modalities() {
        return liveListings().stream()
                .flatMap(l -> java.util.stream.Stream.concat(l.card().inputModalities().stream(),
                        l.card().outputModalities().stream()))
                .distinct().sorted().toList();
    }

    /** A live model's page, or empty when no live endpoint serves it. */
    public Optional<ModelDetail> model(String slug) {
        List<LiveListing> listings = liveListings().stream().filter(l -> l.card().slug().equals(slug)).toList();
        if (listings.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ModelDetail(cards(listings).get(0), rows(listings)));
    }

    /** An active provider's page with its live models, or empty when it serves nothing live. */
    public Optional<ProviderDetail> provider(String slug) {
        List<LiveListing> listings = liveListings().stream().filter(l -> l.providerSlug().equals(slug)).toList();
        if (listings.isEmpty()) {
            return Optional.empty();
        }
        List<EndpointRow> rows = rows(listings);
        List<ProviderDetail.Offer> offers = new ArrayList<>();
        for (int i = 0; i < listings.size(); i++) {
            offers.add(new ProviderDetail.Offer(listings.get(i).card().slug(), listings.get(i).card().name(), rows.get(i)));
        }
        return Optional.of(new ProviderDetail(slug, listings.get(0).providerName(), offers));
    }

    /** Live models by tokens served in the last {@link #RANKING_DAYS} days, most first (models without any: last). */
    public List<RankedModel> rankings() {
        Cached<List<RankedModel>> cached = ranking;
        if (cached == null || cached.expired(RANKING_TTL)) {
            cached = new Cached<>(readRankings(liveListings()), Instant.now());
            ranking = cached;
        }
        return cached.value();
    }

    private List<EndpointRow> rows(List<LiveListing> listings) {
        List<Long> ids = listings.stream().map(LiveListing::listingId).toList();
        Map<Long, EndpointStats> health = stats.forListings(ids);
        Map<Long, List<PriceChange>> upcoming = upcoming(listings);
        return listings.stream().map(l -> new EndpointRow(l.listingId(), l.providerSlug(), l.providerName(), l.prices(),
                l.card().contextLength(), l.quantization(),
                health.getOrDefault(l.listingId(), EndpointStats.none(l.listingId())),
                upcoming.getOrDefault(l.listingId(), List.of()))).toList();
    }

    /** One card per model from its listings (input and output minimum each over the model's endpoints). */
    static List<ModelCard> cards(List<LiveListing> listings) {
        Map<String, List<LiveListing>> byModel = new LinkedHashMap<>();
        listings.forEach(l -> byModel.computeIfAbsent(l.card().slug(), s -> new ArrayList<>()).add(l));
        List<ModelCard> cards = new ArrayList<>();
        for (List<LiveListing> group : byModel.values()) {
            ModelCard first = group.get(0).card();
            cards.add(new ModelCard(first.slug(), first.name(), first.description(), first.contextLength(),
                    first.maxOutputTokens(), first.inputModalities(), first.outputModalities(),
                    group.stream().map(LiveListing::providerSlug).distinct().sorted().toList(),
                    group.stream().mapToLong(l -> l.prices().inputMicrosPerMTok()).min().orElseThrow(),
                    group.stream().mapToLong(l -> l.prices().outputMicrosPerMTok()).min().orElseThrow(),
                    first.createdAt()));
        }
        return cards;
    }

    private List<LiveListing> liveListings() {
        Cached<List<LiveListing>> cached = live;
        if (cached == null || cached.expired(LIVE_TTL)) {
            cached = new Cached<>(readLive(), Instant.now());
            live = cached;
        }
        return cached.value();
    }

    private List<LiveListing> readLive() {
        List<LiveListing> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(LIVE);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ModelCard card = new ModelCard(rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                        rs.getInt(6), strings(rs.getArray(7)), strings(rs.getArray(8)), List.of(), 0, 0,
                        rs.getTimestamp(9).toInstant());
                out.add(new LiveListing(rs.getLong(1), rs.getLong(18), card, rs.getString(10), rs.getString(11),
                        new Prices(rs.getLong(12), rs.getLong(13), rs.getLong(14), rs.getLong(15), rs.getLong(16)),
                        rs.getString(17)));
            }
            return List.copyOf(out);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the live catalog", e);
        }
    }

    private Map<Long, List<PriceChange>> upcoming(List<LiveListing> listings) {
        Map<Long, Prices> current = new HashMap<>();
        listings.forEach(l -> current.put(l.listingId(), l.prices()));
        Map<Long, List<PriceChange>> out = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(UPCOMING)) {
            Array ids = c.createArrayOf("bigint", current.keySet().toArray(Long[]::new));
            ps.setArray(1, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long listingId = rs.getLong(1);
                    Prices next = new Prices(rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7));
                    // each change is judged against the price it replaces: the current one, then the previous change
                    List<PriceChange> changes = out.computeIfAbsent(listingId, id -> new ArrayList<>());
                    Prices before = changes.isEmpty() ? current.get(listingId) : changes.get(changes.size() - 1).prices();
                    changes.add(new PriceChange(rs.getTimestamp(2).toInstant(), next, before.raisedBy(next)));
                }
            } finally {
                ids.free();
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read upcoming price changes", e);
        }
    }

    private List<RankedModel> readRankings(List<LiveListing> listings) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<Long, Boolean> modelIds = new LinkedHashMap<>();
        listings.forEach(l -> {
            names.put(l.card().slug(), l.card().name());
            modelIds.put(l.modelId(), true);
        });
        Map<String, Long> tokens = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(TOKENS)) {
            Array ids = c.createArrayOf("bigint", modelIds.keySet().toArray(Long[]::new));
            ps.setArray(1, ids);
            ps.setInt(2, RANKING_DAYS);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tokens.put(rs.getString(1), rs.getLong(2));
                }
            } finally {
                ids.free();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the rankings", e);
        }
        return names.entrySet().stream()
                .map(e -> new RankedModel(e.getKey(), e.getValue(), tokens.getOrDefault(e.getKey(), 0L)))
                .sorted(java.util.Comparator.comparingLong(RankedModel::tokens).reversed().thenComparing(RankedModel::slug))
                .toList();
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        try {
            return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
        } finally {
            array.free();
        }
    }

    /** One live listing row as read. */
    record LiveListing(long listingId, long modelId, ModelCard card, String providerSlug, String providerName,
                       Prices prices, String quantization) {
    }

    private record Cached<T>(T value, Instant readAt) {
        boolean expired(Duration ttl) {
            return Instant.now().isAfter(readAt.plus(ttl));
        }
    }
}
