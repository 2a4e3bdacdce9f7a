package dev.marketplace.onboarding.verification.domain;

import dev.marketplace.platform.JsonP;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The results of a run so far, in check order, as stored in {@code listing_probe.details}: one object per check with
 * {@code check}, {@code passed}, {@code message} and {@code numbers}. A run passes only when every check ran and passed.
 */
public record ProbeReport(List<CheckResult> results) {

    public ProbeReport {
        results = List.copyOf(results);
    }

    public static ProbeReport empty() {
        return new ProbeReport(List.of());
    }

    public ProbeReport with(CheckResult result) {
        List<CheckResult> more = new ArrayList<>(results);
        more.add(result);
        return new ProbeReport(more);
    }

    public boolean complete() {
        return Check.values().length == results.size();
    }

    public boolean passed() {
        return complete() && results.stream().allMatch(CheckResult::passed);
    }

    /** The checks that failed, by id ("usage, streaming"), for messages and notices. */
    public List<String> failedChecks() {
        return results.stream().filter(r -> !r.passed()).map(r -> r.check().id()).toList();
    }

    public String toJson() {
        JsonArrayBuilder array = JsonP.createArrayBuilder();
        for (CheckResult r : results) {
            JsonObjectBuilder numbers = JsonP.createObjectBuilder();
            r.sortedNumbers().forEach(numbers::add);
            array.add(JsonP.createObjectBuilder().add("check", r.check().id()).add("passed", r.passed())
                    .add("message", r.message()).add("numbers", numbers));
        }
        return array.build().toString();
    }

    public static ProbeReport fromJson(String json) {
        JsonArray array;
        try (var reader = JsonP.createReader(new StringReader(json))) {
            array = reader.readArray();
        }
        List<CheckResult> results = new ArrayList<>();
        for (JsonValue value : array) {
            JsonObject o = value.asJsonObject();
            Map<String, Long> numbers = new LinkedHashMap<>();
            JsonObject n = o.getJsonObject("numbers");
            if (n != null) {
                n.forEach((k, v) -> numbers.put(k, ((JsonNumber) v).longValue()));
            }
            results.add(new CheckResult(Check.byId(o.getString("check")), o.getBoolean("passed"),
                    o.getString("message", ""), numbers));
        }
        return new ProbeReport(results);
    }
}
