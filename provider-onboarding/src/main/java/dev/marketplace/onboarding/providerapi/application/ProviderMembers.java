package dev.marketplace.onboarding.providerapi.application;

import dev.marketplace.billing.jdbc.Transactions;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import javax.sql.DataSource;

/** The provider a signed-in portal user acts for ({@code provider_member}): the portal pages' only source of it. */
@ApplicationScoped
public class ProviderMembers {
    @Resource(lookup = "java:jboss/datasources/MarketDirectDS")
    DataSource dataSource;

    public ProviderMembers() {
    }

    ProviderMembers(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<Long> providerOf(String username) {
        return Transactions.withConnection(dataSource, "provider of " + username, connection -> {
            try (PreparedStatement s = connection.prepareStatement("select provider_id from provider_member where username = ?")) {
                s.setString(1, username);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
                }
            }
        });
    }
}
