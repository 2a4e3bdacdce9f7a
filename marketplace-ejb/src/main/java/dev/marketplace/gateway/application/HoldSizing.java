package dev.marketplace.gateway.application;

import dev.marketplace.billing.money.Money;
import dev.marketplace.routing.domain.Route;
import java.util.List;

/**
 * How much to hold before calling an upstream: the worst case over every route that may serve the call, with the
 * prompt estimate padded because upstream tokenizers differ from ours. Pure functions, table-tested.
 */
final class HoldSizing {
    static final int PROMPT_PADDING_TOKENS = 16;

    private HoldSizing() {
    }

    /** Our estimate plus a quarter and a fixed margin: settlement never charges above the hold. */
    static long promptHoldTokens(int promptEstimate) {
        return promptEstimate + promptEstimate / 4L + PROMPT_PADDING_TOKENS;
    }

    /**
     * The most any of the routes can charge for at most this many prompt and completion tokens: request price, the
     * dearest of input and cache prices for every prompt token, and tier prices when the prompt may pass the tier's
     * threshold ({@link Money#worstCostMicros}).
     */
    static long worstCostMicros(List<Route> routes, long promptTokens, long completionTokens) {
        long worst = 0;
        for (Route r : routes) {
            worst = Math.max(worst, Money.worstCostMicros(r.prices(), promptTokens, completionTokens));
        }
        return worst;
    }

    /** The largest output cap in [0, modelMax] whose worst-case cost fits in the available credit (binary search). */
    static int affordableOutputTokens(List<Route> routes, long promptTokens, int modelMax, long availableMicros) {
        if (worstCostMicros(routes, promptTokens, 1) > availableMicros) {
            return 0;
        }
        int low = 1;
        int high = modelMax;
        while (low < high) {
            int mid = low + (high - low + 1) / 2;
            if (worstCostMicros(routes, promptTokens, mid) <= availableMicros) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }
}
