package dev.marketplace.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.undertow.servlet.api.DeploymentInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ReplyHandOffTest {
    private final List<Runnable> pooled = new ArrayList<>();
    private final DeploymentInfo deployment = new DeploymentInfo();

    private Executor asyncExecutor() {
        deployment.setExecutor(pooled::add); // stands for Undertow's worker pool
        new ReplyHandOff().handleDeployment(deployment, null);
        return deployment.getAsyncExecutor();
    }

    @Test
    void anUnmarkedTaskGoesToThePoolAsBefore() {
        Executor async = asyncExecutor();
        Runnable task = () -> { };

        async.execute(task);

        assertEquals(List.of(task), pooled);
    }

    @Test
    void theMarkedTaskRunsOnTheThreadThatMarkedItAndOnlyThatOne() {
        Executor async = asyncExecutor();
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        Runnable second = () -> { };

        ReplyHandOff.runNextTaskHere();
        async.execute(() -> ranOn.set(Thread.currentThread()));
        async.execute(second);

        assertSame(Thread.currentThread(), ranOn.get(), "the reply's task ran here");
        assertEquals(List.of(second), pooled, "the mark is used once: the next task goes to the pool");
    }

    @Test
    void aMarkOnOneThreadDoesNotKeepAnotherThreadsTaskFromThePool() throws InterruptedException {
        Executor async = asyncExecutor();
        Runnable task = () -> { };
        ReplyHandOff.runNextTaskHere();
        try {
            Thread other = new Thread(() -> async.execute(task));
            other.start();
            other.join();

            assertEquals(List.of(task), pooled);
        } finally {
            async.execute(() -> { }); // uses up this thread's mark
        }
    }
}
