package dev.marketplace.systemtests.webhooks;

import dev.marketplace.systemtests.support.Db;
import dev.marketplace.systemtests.support.TestDevelopers;
import java.sql.SQLException;

/** A developer of its own per test (no credit), written into the test database, with one API key. */
record FreshDeveloper(long id, String apiKey) {

    static FreshDeveloper create() throws SQLException {
        TestDevelopers.NewDeveloper d = TestDevelopers.create("payments", "payments test key", null);
        return new FreshDeveloper(d.id(), d.apiKey());
    }

    String creditAccount() {
        return Db.creditAccount(id);
    }
}
