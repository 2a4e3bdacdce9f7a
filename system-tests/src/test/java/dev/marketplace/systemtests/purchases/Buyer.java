package dev.marketplace.systemtests.purchases;

import dev.marketplace.systemtests.support.Db;
import dev.marketplace.systemtests.support.Http;
import dev.marketplace.systemtests.support.TestDevelopers;
import dev.marketplace.systemtests.support.TestTarget;
import java.net.http.HttpResponse;
import java.sql.SQLException;

/**
 * A fresh developer with no credit and an API key, written straight into the test database (the key as the SHA-256
 * hex the server stores), so each test can assert exact balances without the rest of the suite's traffic.
 */
record Buyer(long developerId, String apiKey) {

    static Buyer create() throws SQLException {
        TestDevelopers.NewDeveloper d = TestDevelopers.create("buyer", "purchase test key", null);
        return new Buyer(d.id(), d.apiKey());
    }

    /** {@code POST /api/v1/credits/checkout} with this buyer's key. */
    HttpResponse<String> startCheckout(String amountJson) {
        return Http.postJson(TestTarget.apiUrl() + "/credits/checkout", apiKey, "{\"amount\":" + amountJson + "}");
    }

    /** {@code POST /api/v1/credits/checkout/{id}/confirm}: what the portal's success page does. */
    HttpResponse<String> confirm(String sessionId) {
        return Http.postJson(TestTarget.apiUrl() + "/credits/checkout/" + sessionId + "/confirm", apiKey, "");
    }

    String creditAccount() {
        return Db.creditAccount(developerId);
    }
}
