package dev.marketplace.billing.topup;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** An {@link OffSessionCharges} for tests: answers with the script and remembers every request. */
final class ScriptedCharges implements OffSessionCharges {

    final List<OffSessionCharge> requests = new ArrayList<>();
    private Function<OffSessionCharge, ChargeResult> script;

    void answer(Function<OffSessionCharge, ChargeResult> script) {
        this.script = script;
    }

    @Override
    public synchronized ChargeResult charge(OffSessionCharge charge) {
        requests.add(charge);
        return script.apply(charge);
    }

    static ChargeResult succeeded(OffSessionCharge charge) {
        return new ChargeResult(ChargeResult.Status.SUCCEEDED, "pi_" + charge.idempotencyKey().replace(':', '_'),
                charge.amountCents(), null);
    }
}
