package dev.marketplace.api;

import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import jakarta.servlet.ServletContext;
import java.util.concurrent.Executor;

/**
 * Lets a reply written from Undertow's I/O thread ({@link JsonReplies#writeAndComplete}, decision 0024) get there
 * without waking a second worker thread. Undertow starts a servlet's {@code WriteListener} as an async task once the
 * servlet returned, and runs async tasks on its worker pool: the request thread, about to become idle, woke another
 * worker only to hand the write on to the I/O thread (at 64 connections about a tenth of the JVM's CPU in that
 * hand-off). The one task {@link #runNextTaskHere} marks, on the request thread that marked it, runs right there;
 * every other async task (a stream's writes and end, a timeout) goes to the pool as before, so none runs on an I/O
 * thread or an HTTP client thread. Registered in {@code META-INF/services/io.undertow.servlet.ServletExtension}.
 */
public class ReplyHandOff implements ServletExtension {
    private static final ThreadLocal<Boolean> RUN_HERE = new ThreadLocal<>();
    /** Undertow's worker pool, the default for async tasks; taken from the first request (every task has one). */
    private static volatile Executor workers;

    /** The next async task started on this thread (the reply's write, once the servlet returned) runs on it. */
    static void runNextTaskHere() {
        RUN_HERE.set(Boolean.TRUE);
    }

    @Override
    public void handleDeployment(DeploymentInfo deploymentInfo, ServletContext servletContext) {
        Executor configured = deploymentInfo.getAsyncExecutor() != null
                ? deploymentInfo.getAsyncExecutor() : deploymentInfo.getExecutor();
        if (configured == null) {
            deploymentInfo.addInitialHandlerChainWrapper(next -> exchange -> {
                if (workers == null) {
                    workers = exchange.getConnection().getWorker();
                }
                next.handleRequest(exchange);
            });
        }
        deploymentInfo.setAsyncExecutor(task -> {
            if (RUN_HERE.get() != null) {
                RUN_HERE.remove();
                task.run();
            } else {
                (configured != null ? configured : workers).execute(task);
            }
        });
    }
}
