package dev.marketplace.developers.application;

import dev.marketplace.billing.ledger.AccountCodes;
import dev.marketplace.billing.ledger.Ledger;
import dev.marketplace.developers.domain.Developer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** Finds a developer by the username they sign in with, creating the account on first sight. */
@ApplicationScoped
public class DeveloperAccounts {
    @PersistenceContext(unitName = "market")
    EntityManager em;
    @Inject
    Ledger ledger;

    @Transactional
    public long ensure(String username, String email) {
        em.createNativeQuery("insert into developer (username, email) values (?1, ?2) on conflict (username) do nothing")
                .setParameter(1, username)
                .setParameter(2, email)
                .executeUpdate();
        return em.createQuery("select d from Developer d where d.username = :u", Developer.class)
                .setParameter("u", username)
                .getSingleResult()
                .getId();
    }

    public DeveloperSummary summary(long developerId, String username) {
        String account = AccountCodes.developerCredit(developerId);
        return new DeveloperSummary(developerId, username, ledger.balanceMicros(account), ledger.availableMicros(account));
    }
}
