package dev.marketplace.routing.upstream;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/** The first {@code limitBytes} of a body as text (an upstream's error reply); the rest is not read. */
final class BoundedText implements HttpResponse.BodySubscriber<String> {
    private final byte[] bytes;
    private final CompletableFuture<String> text = new CompletableFuture<>();
    private int length;
    private Flow.Subscription subscription;

    BoundedText(int limitBytes) {
        bytes = new byte[limitBytes];
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        for (ByteBuffer buffer : buffers) {
            int n = Math.min(buffer.remaining(), bytes.length - length);
            buffer.get(bytes, length, n);
            length += n;
        }
        if (length == bytes.length) {
            subscription.cancel();
            onComplete();
        } else {
            subscription.request(1);
        }
    }

    @Override
    public void onError(Throwable error) {
        onComplete(); // what came is enough to say why the upstream refused
    }

    @Override
    public void onComplete() {
        text.complete(new String(bytes, 0, length, StandardCharsets.UTF_8));
    }

    @Override
    public CompletionStage<String> getBody() {
        return text;
    }
}
