package dev.marketplace.stripestub;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;

/** {@code java -jar stripe-stub.jar [--port 12111] [--webhook-url URL] [--webhook-secret whsec_…] …}. */
public final class StubMain {

    private StubMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length > 0 && ("--help".equals(args[0]) || "-h".equals(args[0]))) {
            System.out.println("""
                    Stripe stub: java -jar stripe-stub.jar [flags]   (each flag also as env STRIPE_STUB_<NAME>)
                      --port N             listen on 127.0.0.1:N (default 12111; 0 = any free port)
                      --public-url URL     the address browsers use (default http://localhost:<port>)
                      --webhook-url URL    where events are POSTed (none: events are only recorded)
                      --webhook-secret S   signing secret (default whsec_local_dev_secret)
                      --connect-webhook-url URL    where Connect events (account.updated, payout.*) are POSTed
                      --connect-webhook-secret S   their signing secret (default whsec_local_connect_dev_secret)
                      --duplicates N       deliver each event N times at once (default 1)
                      --delay-ms N         wait before delivering (default 0)
                      --reorder true       deliver the events of one action in reverse order
                      --max-attempts N     attempts per event before giving up (default 8, doubling backoff)
                      --id-seed S          the run's part of every id (default: from the start time)""");
            return;
        }
        StubSettings settings = StubSettings.parse(args, System.getenv());
        ConnectSettings connect = ConnectSettings.parse(args, System.getenv());
        StubServer stub = StubServer.start(settings, connect);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stub.close();
            stopped.countDown();
        }));
        System.out.println("READY Stripe stub on " + stub.baseUrl() + " (webhooks to "
                + (settings.webhookUrl() == null ? "nowhere" : settings.webhookUrl()) + "; Connect events to "
                + (connect.webhookUrl() == null ? "nowhere" : connect.webhookUrl()) + ")");
        stopped.await();
    }
}
