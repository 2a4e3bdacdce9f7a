package dev.marketplace.catalog.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A company or person that serves models through one or more endpoints and is paid its share of each call. */
@Entity
@Table(name = "provider")
public class Provider {
    public static final int DEFAULT_TAKE_RATE_BPS = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String slug;
    private String name;
    /** Operated by the platform itself (the simulator): its share is platform revenue, never paid out. */
    @Column(name = "platform_operated")
    private boolean platformOperated;
    @Column(name = "take_rate_bps")
    private int takeRateBps = DEFAULT_TAKE_RATE_BPS;
    private String status = "active";
    /** Paid outside Stripe Connect: routed without an active transfers capability (seeded providers). */
    @Column(name = "payouts_exempt")
    private boolean payoutsExempt;

    protected Provider() {
    }

    public Provider(String slug, String name, boolean platformOperated) {
        this(slug, name, platformOperated, DEFAULT_TAKE_RATE_BPS);
    }

    public Provider(String slug, String name, boolean platformOperated, int takeRateBps) {
        if (takeRateBps < 0 || takeRateBps > 10_000) {
            throw new IllegalArgumentException("take rate must be 0..10000 bps: " + takeRateBps);
        }
        this.slug = slug;
        this.name = name;
        this.platformOperated = platformOperated;
        this.takeRateBps = takeRateBps;
    }

    public Long getId() { return id; }
    public String getSlug() { return slug; }
    public String getName() { return name; }
    public boolean isPlatformOperated() { return platformOperated; }
    public int getTakeRateBps() { return takeRateBps; }
    public String getStatus() { return status; }
    public boolean isPayoutsExempt() { return payoutsExempt; }
    public void setPayoutsExempt(boolean payoutsExempt) { this.payoutsExempt = payoutsExempt; }
}
