package dev.marketplace.onboarding.endpoints.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.onboarding.endpoints.domain.EndpointForm;
import dev.marketplace.onboarding.membership.NotAProviderMemberException;
import dev.marketplace.platform.outbound.AllowList;
import dev.marketplace.platform.outbound.HostResolver;
import dev.marketplace.platform.outbound.UrlGuard;
import dev.marketplace.onboarding.signup.domain.FieldError;
import dev.marketplace.onboarding.testing.TestDatabase;
import dev.marketplace.platform.secrets.EndpointKeys;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ProviderEndpointsTest {

    private static final String STUB = "http://127.0.0.1:18229";
    @RegisterExtension
    static final TestDatabase db = TestDatabase.perClass();
    private ProviderEndpoints endpoints;

    @BeforeEach
    void providers() throws SQLException {
        db.execute("truncate provider_member, listing, provider_endpoint, provider cascade");
        db.member(db.provider("acme"), "alice");
        db.member(db.provider("rival"), "bob");
        endpoints = new ProviderEndpoints(db.dataSource(), TestDatabase.cipher(),
                new UrlGuard(HostResolver.system(), AllowList.parse(STUB)));
    }

    private static EndpointForm form(String name, String key) {
        return new EndpointForm(name, STUB + "/v1", "openai", key, 4, 120, "none", 20_000, STUB + "/v1/models");
    }

    @Test
    void theKeyIsStoredSealedForItsRowAndOnlyItsHintIsShown() throws SQLException {
        long id = endpoints.register("alice", form("main", "sk-upstream-secret-9876"));
        String stored = db.string("select api_key from provider_endpoint where id = " + id);
        assertTrue(stored.startsWith("enc:v1:t1:"), stored);
        assertTrue(!stored.contains("secret"));
        assertEquals("sk-upstream-secret-9876", EndpointKeys.open(TestDatabase.cipher(), id, stored));
        EndpointSummary shown = endpoints.get("alice", id);
        assertEquals("…9876", shown.apiKeyHint());
        assertEquals(List.of(shown), endpoints.list("alice"));
        assertEquals(4, shown.maxConcurrency());
        assertEquals("none", shown.dataRetention());
        assertEquals(STUB + "/v1/models", shown.listModelsUrl());
    }

    @Test
    void aMembersEndpointIsNeverOperatorTrustedAndAnOperatorsLosesItWhenAMemberChangesItsUrl() throws SQLException {
        long id = endpoints.register("alice", form("main", "sk-upstream-secret-9876"));
        assertEquals("f", trusted(id), "a URL a member typed has its host name judged at every connection");

        db.execute("update provider_endpoint set operator_trusted = true where id = " + id); // as the seed file does
        endpoints.update("alice", id, form("renamed", ""));
        assertEquals("t", trusted(id), "the same URL: still the operator's");
        endpoints.update("alice", id, new EndpointForm("renamed", STUB + "/v2", "openai", "", null, null, "none",
                20_000, ""));
        assertEquals("f", trusted(id), "a URL the member changed is the provider's");
    }

    private static String trusted(long endpointId) throws SQLException {
        return db.string("select operator_trusted from provider_endpoint where id = " + endpointId);
    }

    @Test
    void anEditWithoutAKeyKeepsTheStoredOneAndANewKeyReplacesIt() throws SQLException {
        long id = endpoints.register("alice", form("main", "sk-first-key-1111"));
        String sealed = db.string("select api_key from provider_endpoint where id = " + id);
        endpoints.update("alice", id, new EndpointForm("renamed", STUB + "/v2", "anthropic", "", null, null,
                "logs_prompts", 5_000, ""));
        assertEquals(sealed, db.string("select api_key from provider_endpoint where id = " + id));
        EndpointSummary edited = endpoints.get("alice", id);
        assertEquals("renamed", edited.name());
        assertEquals("anthropic", edited.protocol());
        assertEquals(null, edited.maxConcurrency());
        assertEquals(null, edited.listModelsUrl());
        endpoints.update("alice", id, form("renamed", "sk-second-key-2222"));
        String resealed = db.string("select api_key from provider_endpoint where id = " + id);
        assertNotEquals(sealed, resealed);
        assertEquals("sk-second-key-2222", EndpointKeys.open(TestDatabase.cipher(), id, resealed));
        assertEquals("…2222", endpoints.get("alice", id).apiKeyHint());
    }

    @Test
    void privateAndMetadataUrlsAreRefusedBesideTheirFieldsAndNothingIsStored() throws SQLException {
        EndpointException e = assertThrows(EndpointException.class, () -> endpoints.register("alice",
                new EndpointForm("evil", "http://10.1.2.3/v1", "openai", "k-12345678", null, null, "none", 10_000,
                        "http://169.254.169.254/latest/meta-data/")));
        List<String> fields = e.fieldErrors().stream().map(FieldError::field).toList();
        assertEquals(List.of("baseUrl", "listModelsUrl"), fields);
        assertTrue(e.fieldErrors().get(0).message().contains("private address"), e.fieldErrors().toString());
        assertEquals(0, db.longValue("select count(*) from provider_endpoint"));
    }

    @Test
    void aNameIsUniquePerProvider() {
        endpoints.register("alice", form("main", "sk-a-12345678"));
        EndpointException e = assertThrows(EndpointException.class, () -> endpoints.register("alice", form("main", "sk-b-12345678")));
        assertEquals("name", e.fieldErrors().get(0).field());
        endpoints.register("bob", form("main", "sk-c-12345678"));
    }

    @Test
    void anotherProvidersEndpointCannotBeSeenOrChanged() throws SQLException {
        long alices = endpoints.register("alice", form("main", "sk-alice-12345678"));
        String sealed = db.string("select api_key from provider_endpoint where id = " + alices);
        assertEquals(List.of(), endpoints.list("bob"));
        String notYours = "You have no endpoint " + alices;
        assertEquals(notYours, assertThrows(EndpointException.class, () -> endpoints.get("bob", alices)).getMessage());
        assertEquals(notYours, assertThrows(EndpointException.class,
                () -> endpoints.update("bob", alices, form("stolen", "sk-bob-12345678"))).getMessage());
        assertEquals(notYours, assertThrows(EndpointException.class, () -> endpoints.disable("bob", alices)).getMessage());
        assertEquals(sealed, db.string("select api_key from provider_endpoint where id = " + alices));
        assertEquals("main|active", db.string("select name || '|' || status from provider_endpoint where id = " + alices));
        assertThrows(NotAProviderMemberException.class, () -> endpoints.list("mallory"));
    }

    @Test
    void disableEnableAndASuspensionOnlyAnAdminLifts() throws SQLException {
        long id = endpoints.register("alice", form("main", "sk-alice-12345678"));
        endpoints.disable("alice", id);
        assertEquals("disabled", endpoints.get("alice", id).status());
        endpoints.enable("alice", id);
        assertEquals("active", endpoints.get("alice", id).status());
        db.execute("update provider_endpoint set status = 'suspended' where id = " + id);
        assertTrue(assertThrows(EndpointException.class, () -> endpoints.enable("alice", id)).getMessage()
                .contains("suspended by an administrator"));
        assertThrows(EndpointException.class, () -> endpoints.update("alice", id, form("main", "")));
        assertEquals("suspended", endpoints.get("alice", id).status());
    }
}
