package dev.marketplace.keys.application;

import dev.marketplace.keys.domain.LimitReset;

/**
 * A PATCH of a key: a null field is left as it is. The limit is three-state, so {@code limitGiven} says whether
 * {@code limitMicros} (null: remove the limit) is to be applied; likewise {@code rateLimitGiven} for
 * {@code rateLimitRpm}.
 */
public record KeyChanges(String name, Boolean disabled, boolean limitGiven, Long limitMicros, LimitReset limitReset,
                         boolean rateLimitGiven, Integer rateLimitRpm) {
}
