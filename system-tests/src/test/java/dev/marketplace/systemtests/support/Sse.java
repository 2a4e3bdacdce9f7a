package dev.marketplace.systemtests.support;

import java.util.ArrayList;
import java.util.List;

/** Strict parsing of a server-sent-events body as OpenAI streams it: only {@code data: } events, blank-line separated. */
public final class Sse {
    public static final String DONE = "[DONE]";

    private Sse() {
    }

    /**
     * The payloads of the events, in order. Fails if a line is not {@code data: ...}, if an event has more than one
     * line, or if the body does not end with a complete event.
     */
    public static List<String> dataPayloads(String body) {
        if (!body.endsWith("\n\n")) {
            throw new AssertionError("SSE body must end with a blank line: ..." + tail(body));
        }
        List<String> payloads = new ArrayList<>();
        for (String event : body.substring(0, body.length() - 2).split("\n\n", -1)) {
            if (event.contains("\n") || !event.startsWith("data: ")) {
                throw new AssertionError("not a single 'data: ' line: <" + event + ">");
            }
            payloads.add(event.substring("data: ".length()));
        }
        return payloads;
    }

    private static String tail(String s) {
        return s.substring(Math.max(0, s.length() - 200));
    }
}
