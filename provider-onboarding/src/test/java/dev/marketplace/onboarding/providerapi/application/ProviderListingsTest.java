package dev.marketplace.onboarding.providerapi.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.marketplace.onboarding.pricechanges.domain.PriceSet;
import dev.marketplace.onboarding.testing.TestDatabase;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ProviderListingsTest {
    @RegisterExtension
    static final TestDatabase db = TestDatabase.perClass();
    static ProviderListings listings;
    static ProviderInsights insights;
    static long providerA;
    static long providerB;
    static long endpointA;
    static long endpointB;

    @BeforeAll
    static void start() throws Exception {
        listings = new ProviderListings(db.dataSource());
        insights = new ProviderInsights(db.dataSource());
        providerA = db.provider("listings-a");
        providerB = db.provider("listings-b");
        endpointA = endpoint(providerA);
        endpointB = endpoint(providerB);
    }

    @Test
    void aDraftIsCreatedAndEditedOnlyByItsProvider() throws Exception {
        String slug = model();
        ProviderListing draft = listings.createDraft(providerA, () -> new NewDraft(endpointA, slug, "up-1",
                PriceSet.simple(10, 20), "bf16", List.of("top_p", "max_tokens")));
        assertEquals("draft", draft.status());
        assertEquals(List.of("max_tokens", "top_p"), draft.supportedParameters());
        assertEquals(404, assertThrows(ProviderApiException.class, () -> listings.get(providerB, draft.id())).status());
        assertEquals(404, assertThrows(ProviderApiException.class, () -> listings.updateDraft(providerB, draft.id(),
                () -> new DraftChanges("stolen", null, false, null, false, null))).status());

        ProviderListing edited = listings.updateDraft(providerA, draft.id(), () -> new DraftChanges(null,
                p -> new PriceSet(p.inputMicrosPerMTok(), 25, 1, 0, 0, null, null, null), true, null, false, null));
        assertEquals(new PriceSet(10, 25, 1, 0, 0, null, null, null), edited.prices());
        assertEquals("up-1", edited.upstreamModel());
        assertEquals(null, edited.quantization());
        assertEquals(true, listings.list(providerA).stream().anyMatch(l -> l.id() == draft.id()));
        assertEquals(List.of(), listings.list(providerB), "B has no listings at all");
    }

    @Test
    void anotherProvidersEndpointAnUnknownModelAndALiveListingAreRefused() throws Exception {
        String slug = model();
        assertEquals("endpoint_id", assertThrows(ProviderApiException.class, () -> listings.createDraft(providerA,
                () -> new NewDraft(endpointB, slug, "x", PriceSet.simple(1, 1), null, null))).param());
        assertEquals("model", assertThrows(ProviderApiException.class, () -> listings.createDraft(providerA,
                () -> new NewDraft(endpointA, "nobody/none", "x", PriceSet.simple(1, 1), null, null))).param());
        ProviderListing draft = listings.createDraft(providerA, () -> new NewDraft(endpointA, slug, "x", PriceSet.simple(1, 1), null, null));
        db.execute("update listing set status = 'live' where id = " + draft.id());
        assertEquals(409, assertThrows(ProviderApiException.class, () -> listings.updateDraft(providerA, draft.id(),
                () -> new DraftChanges("y", null, false, null, false, null))).status());
    }

    @Test
    void earningsAreWhatTheJournalsPosted() throws Exception {
        String slug = model();
        long listing = db.longValue("insert into listing (model_id, endpoint_id, upstream_model, input_price_micros_per_mtok,"
                + " output_price_micros_per_mtok, status) values ((select id from model where slug = ?), ?, 'u', 1, 1, 'live')"
                + " returning id", slug, endpointA);
        long developer = db.longValue("insert into developer (username) values ('earner-' || ?) returning id", listing);
        long key = db.longValue("insert into api_key (developer_id, name, key_hash, key_hint) values (?, 'k', ?, 'h')"
                + " returning id", developer, "hash-" + listing);
        String payable = "provider:" + providerA + ":payable";
        for (String code : List.of("developer:" + developer + ":credit", payable, "platform:revenue:take")) {
            db.execute("insert into ledger_account (code) values ('" + code + "') on conflict do nothing");
        }
        // two calls: 1,001 µ$ (fee 50, net 951) and 999 µ$ (fee 50, net 949); the listing's price is irrelevant
        call(listing, developer, key, "gen-a-" + listing, 1001, 50, payable);
        call(listing, developer, key, "gen-b-" + listing, 999, 50, payable);
        db.execute("update listing set output_price_micros_per_mtok = 999999 where id = " + listing);

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<EarningsRow> rows = insights.earnings(providerA, today.minusDays(1), today);
        assertEquals(List.of(new EarningsRow(today, slug, 2, 20, 10, 2000, 100, 1900)), rows);
        assertEquals(List.of(), insights.earnings(providerB, today, today));
        assertEquals("to", assertThrows(ProviderApiException.class,
                () -> insights.earnings(providerA, today, today.minusDays(1))).param());
    }

    private static void call(long listing, long developer, long key, String id, long gross, long fee, String payable)
            throws Exception {
        db.execute("insert into usage_record (id, developer_id, api_key_id, model_slug, provider_slug, listing_id,"
                + " prompt_tokens, completion_tokens, cost_micros, status) values ('" + id + "', " + developer + ", " + key
                + ", (select m.slug from listing l join model m on m.id = l.model_id where l.id = " + listing + "), 'listings-a', "
                + listing + ", 10, 5, " + gross + ", 'ok')");
        db.execute("begin; insert into ledger_journal (idempotency_key, kind) values ('" + id + "', 'usage');"
                + " insert into ledger_posting (journal_id, account_code, amount_micros) values"
                + " (currval('ledger_journal_id_seq'), 'developer:" + developer + ":credit', " + (-gross) + "),"
                + " (currval('ledger_journal_id_seq'), '" + payable + "', " + (gross - fee) + "),"
                + " (currval('ledger_journal_id_seq'), 'platform:revenue:take', " + fee + "); commit;");
    }

    private static long endpoint(long provider) throws Exception {
        return db.longValue("insert into provider_endpoint (provider_id, name, base_url, adapter_id)"
                + " values (?, 'main', 'http://127.0.0.1:1/v1', 'openai') returning id", provider);
    }

    private static String model() throws Exception {
        String slug = "acme/l-" + System.nanoTime();
        db.longValue("insert into model (slug, name, context_length, max_output_tokens) values (?, 'm', 8192, 512)"
                + " returning id", slug);
        return slug;
    }
}
