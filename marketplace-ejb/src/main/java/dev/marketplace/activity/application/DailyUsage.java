package dev.marketplace.activity.application;

import java.time.LocalDate;

/**
 * One UTC day's usage of one group (a model, a key's name, or a metadata value; empty when a generation had no value
 * for the metadata key): spend in micro-USD, tokens in and out together, and the number of generations.
 */
public record DailyUsage(LocalDate day, String group, long costMicros, long tokens, long requests) {
}
