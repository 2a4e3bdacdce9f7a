package dev.marketplace.metering.application;

import dev.marketplace.metering.infrastructure.GroupCommit;
import javax.sql.DataSource;

/**
 * The metering services wired by hand, without a container: the same {@link UsageRecorder} (holds, usage records
 * and their charges through the group commit) the gateway uses, for the month simulator. Balance and key leases are off
 * unless {@code market.leases} says otherwise before this class loads (no lease heartbeat runs outside a container):
 * every call takes the per-call conditional hold.
 */
public final class StandaloneMetering implements AutoCloseable {

    private final GroupCommit groupCommit;
    private final UsageRecorder recorder;

    public StandaloneMetering(DataSource dataSource) {
        groupCommit = GroupCommit.standalone(dataSource);
        BalanceLeases leases = new BalanceLeases();
        leases.groupCommit = groupCommit;
        leases.dataSource = dataSource;
        recorder = new UsageRecorder();
        recorder.groupCommit = groupCommit;
        recorder.leases = leases;
        KeyLeases keyLeases = new KeyLeases();
        keyLeases.groupCommit = groupCommit;
        keyLeases.balanceLeases = leases;
        keyLeases.dataSource = dataSource;
        recorder.keyLeases = keyLeases;
    }

    public UsageRecorder recorder() {
        return recorder;
    }

    @Override
    public void close() {
        groupCommit.shutdown();
    }
}
