package dev.marketplace.onboarding.verification.application;

import dev.marketplace.metering.application.TokenCounter;
import dev.marketplace.platform.outbound.OutboundUrlRejectedException;
import dev.marketplace.platform.outbound.UrlGuard;
import dev.marketplace.onboarding.verification.domain.Check;
import dev.marketplace.onboarding.verification.domain.CheckResult;
import dev.marketplace.onboarding.verification.domain.LatencyLimits;
import dev.marketplace.onboarding.verification.domain.ProbeReport;
import dev.marketplace.onboarding.verification.domain.ProbeTarget;
import dev.marketplace.onboarding.verification.domain.ProbeRun;
import dev.marketplace.onboarding.verification.infrastructure.ProbeStore;
import dev.marketplace.onboarding.verification.domain.ProviderListing;
import dev.marketplace.routing.upstream.UpstreamAdapter;
import dev.marketplace.routing.upstream.UpstreamAdapterFactory;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import dev.marketplace.platform.secrets.SecretCipher;
import jakarta.inject.Inject;
import dev.marketplace.onboarding.listings.application.ListingImports;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Semaphore;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Starts probe runs and carries them out in the background (the container's managed executor; a request thread
 * only claims the run). A provider may probe only its own listings (the provider is the one the signed-in user acts
 * for), an admin any listing (audited); the re-probe timer probes due live listings, at most
 * {@link #MAX_SCHEDULED_IN_FLIGHT} at a time. The endpoint's URL is checked by the outbound guard first, unless its
 * origin is on {@code MARKET_OUTBOUND_ALLOW}. After a failed run, three failures in a row pause a live listing.
 */
@ApplicationScoped
public class ListingProbes {
    private static final Logger LOG = Logger.getLogger(ListingProbes.class.getName());
    static final int MAX_SCHEDULED_IN_FLIGHT = 4;
    public static final int HISTORY_SHOWN = 50;

    @Resource(lookup = "java:jboss/datasources/MarketDirectDS")
    DataSource dataSource;
    @Resource
    ManagedExecutorService executor;
    @Inject
    TokenCounter tokens;
    @Inject
    Instance<UpstreamAdapterFactory> factories;
    @Inject
    ListingImports members;
    @Inject
    SecretCipher cipher;

    private ProbeStore store;
    private UrlGuard guard;
    private final Semaphore scheduledSlots = new Semaphore(MAX_SCHEDULED_IN_FLIGHT);

    @PostConstruct
    void start() {
        store = new ProbeStore(dataSource, cipher);
        guard = UrlGuard.fromConfig();
    }

    /** The provider this user acts for, if any. */
    public Optional<Long> providerOf(String username) {
        return members.providerOf(username);
    }

    /** The listings of the provider this user acts for (none when the user acts for no provider). */
    public List<ProviderListing> listingsOf(String username) {
        return members.providerOf(username).map(store::listings).orElse(List.of());
    }

    /** A provider member's Verify: only a listing of the provider the user acts for. */
    public long startAsProvider(String username, long listingId) {
        ProbeTarget target = owned(username, listingId);
        return begin(target, "provider", null);
    }

    /** An admin's Verify of any listing, written to the audit log with the run. */
    public long startAsAdmin(String admin, long listingId) {
        ProbeTarget target = store.target(listingId)
                .orElseThrow(() -> new ProbeRefusedException("No listing " + listingId));
        return begin(target, "admin", admin);
    }

    /** The runs of a listing the user may see (own listing; every listing for an admin), newest first. */
    public List<ProbeRun> history(String username, boolean admin, long listingId) {
        if (!admin) {
            owned(username, listingId);
        }
        return store.history(listingId, HISTORY_SHOWN);
    }

    /** A timer's re-probe of a due live listing: false when every scheduled slot is busy (try on a later tick). */
    boolean startScheduled(long listingId) {
        if (!scheduledSlots.tryAcquire()) {
            return false;
        }
        try {
            OptionalLong started = store.target(listingId).filter(t -> "live".equals(t.status()))
                    .map(t -> store.start(listingId, "schedule", null)).orElse(OptionalLong.empty());
            if (started.isEmpty()) {
                scheduledSlots.release();
                return true;
            }
            ProbeTarget target = store.target(listingId).orElseThrow();
            executor.submit(() -> {
                try {
                    run(started.getAsLong(), target);
                } finally {
                    scheduledSlots.release();
                }
            });
            return true;
        } catch (RuntimeException e) {
            scheduledSlots.release();
            throw e;
        }
    }

    ProbeStore store() {
        return store;
    }

    private ProbeTarget owned(String username, long listingId) {
        Optional<Long> provider = members.providerOf(username);
        return store.target(listingId)
                .filter(t -> provider.isPresent() && t.providerId() == provider.get())
                .orElseThrow(() -> new ProbeRefusedException("No listing " + listingId + " of yours"));
    }

    private long begin(ProbeTarget target, String trigger, String auditActor) {
        long probeId = store.start(target.listingId(), trigger, auditActor).orElseThrow(
                () -> new ProbeRefusedException("A probe of this listing is already running"));
        executor.submit(() -> run(probeId, target));
        return probeId;
    }

    /** One run to the end, whatever happens: an unexpected error becomes a failed run, never a run left running. */
    void run(long probeId, ProbeTarget target) {
        ProbeReport report;
        try {
            report = probe(probeId, target);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Probe " + probeId + " of listing " + target.listingId() + " crashed", e);
            report = ProbeReport.empty().with(CheckResult.fail(Check.PROTOCOL, "The probe could not run: " + e));
        }
        Integer latency = report.results().stream().filter(r -> r.check() == Check.LATENCY).findFirst()
                .map(r -> r.numbers().get("stream_total_ms")).map(Long::intValue).orElse(null);
        store.finish(probeId, report, latency);
        if (!report.passed()) {
            pauseAfterRepeatedFailures(target, report);
        }
    }

    private ProbeReport probe(long probeId, ProbeTarget target) {
        try {
            guard.check(target.endpoint().baseUrl());
        } catch (OutboundUrlRejectedException e) {
            return ProbeReport.empty().with(CheckResult.fail(Check.PROTOCOL,
                    "The endpoint's URL is refused by the outbound guard: " + e.getMessage()));
        }
        UpstreamAdapter adapter = factory(target.endpoint().adapterId()).create(target.endpoint());
        return new ListingProber(tokens, LatencyLimits.DEFAULT, System::currentTimeMillis)
                .run(target.upstreamModel(), adapter, partial -> store.progress(probeId, partial));
    }

    private void pauseAfterRepeatedFailures(ProbeTarget target, ProbeReport report) {
        if (store.failuresInARow(target.listingId()) < ProbeStore.FAILURES_TO_PAUSE) {
            return;
        }
        String failed = String.join(", ", report.failedChecks());
        String reason = ProbeStore.FAILURES_TO_PAUSE + " verification probes failed in a row (last failed: "
                + (failed.isEmpty() ? "incomplete run" : failed) + ")";
        String body = "Your listing " + target.modelSlug() + " (#" + target.listingId() + ", upstream model "
                + target.upstreamModel() + ") was paused: " + reason + ". It takes no traffic until it is verified"
                + " again and resumed. See /provider/probes/" + target.listingId() + " for every check.";
        if (store.pause(target.listingId(), reason, "Listing paused: " + target.modelSlug(), body)) {
            LOG.info(() -> "Listing " + target.listingId() + " paused: " + reason);
        }
    }

    private UpstreamAdapterFactory factory(String adapterId) {
        for (UpstreamAdapterFactory factory : factories) {
            if (factory.id().equals(adapterId)) {
                return factory;
            }
        }
        throw new IllegalStateException("No upstream adapter with id '" + adapterId + "'");
    }
}
