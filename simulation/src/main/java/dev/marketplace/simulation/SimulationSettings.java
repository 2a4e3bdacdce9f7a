package dev.marketplace.simulation;

import java.util.Map;

/**
 * How big a month: {@code SIMULATE_CALLS} (default 200,000), {@code SIMULATE_PROVIDERS} (50),
 * {@code SIMULATE_DEVELOPERS} (500), {@code SIMULATE_THREADS} (32 concurrent callers), {@code SIMULATE_SEED},
 * {@code SIMULATE_KEEP_DB=true} to keep the database for inspection.
 */
public record SimulationSettings(int calls, int providers, int developers, int threads, long seed, boolean keepDatabase) {

    public SimulationSettings {
        if (calls < 100 || calls > 5_000_000) {
            throw new IllegalArgumentException("SIMULATE_CALLS must be 100..5,000,000: " + calls);
        }
        if (providers < 2 || providers > 1_000 || developers < 4 || developers > 10_000) {
            throw new IllegalArgumentException("need 2..1000 providers and 4..10000 developers");
        }
        if (threads < 1 || threads > 256) {
            throw new IllegalArgumentException("SIMULATE_THREADS must be 1..256: " + threads);
        }
    }

    public static SimulationSettings fromEnvironment(Map<String, String> env) {
        return new SimulationSettings(integer(env, "SIMULATE_CALLS", 200_000), integer(env, "SIMULATE_PROVIDERS", 50),
                integer(env, "SIMULATE_DEVELOPERS", 500), integer(env, "SIMULATE_THREADS", 32),
                Long.parseLong(env.getOrDefault("SIMULATE_SEED", "20261126")),
                Boolean.parseBoolean(env.getOrDefault("SIMULATE_KEEP_DB", "false")));
    }

    private static int integer(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip().replace("_", ""));
    }
}
