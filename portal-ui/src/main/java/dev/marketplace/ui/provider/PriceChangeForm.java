package dev.marketplace.ui.provider;

import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import dev.marketplace.billing.money.Money;
import dev.marketplace.onboarding.pricechanges.domain.InvalidPriceException;
import dev.marketplace.onboarding.pricechanges.domain.PriceSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields of a complete new price set, in USD as providers think of prices (per million tokens, per request),
 * parsed exactly to micro-USD; errors go beside the field the service names ({@code param}).
 */
class PriceChangeForm extends FormLayout {
    private final Map<String, TextField> usd = new LinkedHashMap<>();
    private final IntegerField tierMinContext = new IntegerField("Tier: prompts above (tokens)");
    private final DateTimePicker effectiveAt = new DateTimePicker("Effective at (UTC; empty: as soon as allowed)");

    PriceChangeForm() {
        field("input_price_micros_per_mtok", "Input, USD per M tokens");
        field("output_price_micros_per_mtok", "Output, USD per M tokens");
        field("request_price_micros", "Per request, USD");
        field("cache_read_price_micros_per_mtok", "Cache read, USD per M tokens");
        field("cache_write_price_micros_per_mtok", "Cache write, USD per M tokens");
        tierMinContext.setId("price-tier_min_context");
        add(tierMinContext);
        field("tier_input_price_micros_per_mtok", "Tier input, USD per M tokens");
        field("tier_output_price_micros_per_mtok", "Tier output, USD per M tokens");
        effectiveAt.setId("price-effective_at");
        add(effectiveAt);
    }

    private void field(String name, String label) {
        TextField f = new TextField(label);
        f.setId("price-" + name);
        usd.put(name, f);
        add(f);
    }

    /** Shows a listing's current prices as the starting point of the new set. */
    void show(PriceSet p) {
        set("input_price_micros_per_mtok", p.inputMicrosPerMTok());
        set("output_price_micros_per_mtok", p.outputMicrosPerMTok());
        set("request_price_micros", p.requestMicros());
        set("cache_read_price_micros_per_mtok", p.cacheReadMicrosPerMTok());
        set("cache_write_price_micros_per_mtok", p.cacheWriteMicrosPerMTok());
        tierMinContext.setValue(p.tierMinContext());
        usd.get("tier_input_price_micros_per_mtok").setValue(p.hasTier() ? Money.toUsd(p.tierInputMicrosPerMTok()).toPlainString() : "");
        usd.get("tier_output_price_micros_per_mtok").setValue(p.hasTier() ? Money.toUsd(p.tierOutputMicrosPerMTok()).toPlainString() : "");
        effectiveAt.clear();
        clearErrors();
    }

    /** The entered price set; a field that is not an exact USD amount or breaks a rule is marked and thrown. */
    PriceSet prices() {
        clearErrors();
        try {
            return new PriceSet(micros("input_price_micros_per_mtok"), micros("output_price_micros_per_mtok"),
                    micros("request_price_micros"), micros("cache_read_price_micros_per_mtok"),
                    micros("cache_write_price_micros_per_mtok"), tierMinContext.getValue(),
                    optionalMicros("tier_input_price_micros_per_mtok"), optionalMicros("tier_output_price_micros_per_mtok"));
        } catch (InvalidPriceException e) {
            error(e.field(), e.getMessage());
            throw e;
        }
    }

    Instant effectiveAt() {
        return effectiveAt.getValue() == null ? null : effectiveAt.getValue().toInstant(ZoneOffset.UTC);
    }

    /** Marks the field the service named ({@code prices.x}, {@code x} or {@code effective_at}). */
    void error(String param, String message) {
        String name = param == null ? "input_price_micros_per_mtok" : param.replaceFirst("^prices\\.", "");
        if ("effective_at".equals(name)) {
            effectiveAt.setErrorMessage(message);
            effectiveAt.setInvalid(true);
        } else if ("tier_min_context".equals(name)) {
            tierMinContext.setErrorMessage(message);
            tierMinContext.setInvalid(true);
        } else {
            TextField f = usd.getOrDefault(name, usd.get("input_price_micros_per_mtok"));
            f.setErrorMessage(message);
            f.setInvalid(true);
        }
    }

    /** The USD field of a price column (for tests and focus). */
    TextField usdField(String name) {
        return usd.get(name);
    }

    private void clearErrors() {
        usd.values().forEach(f -> f.setInvalid(false));
        tierMinContext.setInvalid(false);
        effectiveAt.setInvalid(false);
    }

    private void set(String name, long micros) {
        usd.get(name).setValue(Money.toUsd(micros).toPlainString());
    }

    private long micros(String name) {
        Long value = optionalMicros(name);
        return value == null ? 0 : value;
    }

    private Long optionalMicros(String name) {
        String text = usd.get(name).getValue().strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Money.parseUsdMicros(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidPriceException(name, "Enter a USD amount with at most 6 decimals, e.g. 0.25");
        }
    }
}
