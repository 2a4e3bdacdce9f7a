package dev.marketplace.onboarding.tokens.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.keys.domain.KeySecret;
import dev.marketplace.onboarding.providerapi.application.ProviderApiException;
import dev.marketplace.onboarding.testing.TestDatabase;
import dev.marketplace.onboarding.tokens.domain.ProviderTokenSecret;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ProviderTokensTest {
    @RegisterExtension
    static final TestDatabase db = TestDatabase.perClass();
    static ProviderTokens tokens;
    static long providerA;
    static long providerB;

    @BeforeAll
    static void start() throws Exception {
        tokens = new ProviderTokens(db.dataSource());
        providerA = db.provider("tokens-a");
        providerB = db.provider("tokens-b");
    }

    @Test
    void aTokenIsStoredAsItsHashShownOnceAndNamesItsProvider() throws Exception {
        IssuedToken issued = tokens.issue(providerA, "alice", "  ci deploys ");
        assertTrue(ProviderTokenSecret.looksValid(issued.secret()), issued.secret());
        assertEquals("ci deploys", issued.token().name());
        assertEquals("alice", issued.token().createdBy());
        assertTrue(issued.token().hint().startsWith("pk-mk-v1-") && issued.token().hint().contains("…"));
        assertEquals(1, db.longValue("select count(*) from provider_token where token_hash = ?",
                KeySecret.hash(issued.secret())));
        assertEquals(0, db.longValue("select count(*) from provider_token where token_hash = ? or token_hint = ?",
                issued.secret(), issued.secret()), "the secret itself is stored nowhere");

        ProviderCaller caller = tokens.authenticate("Bearer " + issued.secret());
        assertEquals(providerA, caller.providerId());
        assertNotNull(tokens.list(providerA).get(0).lastUsedAt(), "last use recorded");
    }

    @Test
    void aRevokedTokenIsRefusedAndAnotherProviderCannotRevokeIt() {
        IssuedToken issued = tokens.issue(providerA, "alice", "to revoke");
        assertEquals(404, assertThrows(ProviderApiException.class,
                () -> tokens.revoke(providerB, "bob", issued.token().id())).status());
        tokens.authenticate("Bearer " + issued.secret());

        ProviderToken revoked = tokens.revoke(providerA, "alice", issued.token().id());
        assertFalse(revoked.active());
        assertEquals("alice", revoked.revokedBy());
        assertEquals(401, assertThrows(ProviderApiException.class,
                () -> tokens.authenticate("Bearer " + issued.secret())).status());
        assertTrue(tokens.list(providerB).stream().noneMatch(t -> t.id() == issued.token().id()));
    }

    @Test
    void developerKeysMissingAndMalformedTokensAre401() {
        for (String header : new String[] {null, "", "Basic x", "Bearer " + KeySecret.generate(),
                "Bearer sk-mk-mgmt-v1-" + "a".repeat(64), "Bearer pk-mk-v1-" + "z".repeat(64),
                "Bearer " + ProviderTokenSecret.generate()}) {
            ProviderApiException e = assertThrows(ProviderApiException.class, () -> tokens.authenticate(header));
            assertEquals(401, e.status(), header);
            assertEquals("authentication_error", e.type());
        }
    }

    @Test
    void nameIsRequiredAndActiveTokensAreBounded() throws Exception {
        assertEquals("name", assertThrows(ProviderApiException.class, () -> tokens.issue(providerB, "bob", " ")).param());
        long providerC = db.provider("tokens-c");
        for (int i = 0; i < ProviderTokens.MAX_ACTIVE_TOKENS; i++) {
            tokens.issue(providerC, "carol", "t" + i);
        }
        assertEquals(409, assertThrows(ProviderApiException.class, () -> tokens.issue(providerC, "carol", "one more")).status());
    }
}
