package dev.marketplace.routing.upstream.anthropic;

import java.io.BufferedReader;
import java.io.IOException;

/**
 * Reads the data of server-sent events one event at a time. Event names are not needed: every Anthropic event
 * repeats its name as the {@code type} of its data.
 */
final class ServerSentEvents {
    static final int MAX_EVENT_CHARS = 1_000_000;
    private static final String DATA = "data:";

    private final BufferedReader lines;

    ServerSentEvents(BufferedReader lines) {
        this.lines = lines;
    }

    /** The next event's data (several data lines joined by newlines), or null at the end of the stream. */
    String next() throws IOException {
        StringBuilder data = null;
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.isEmpty()) {
                if (data != null) {
                    return data.toString();
                }
            } else if (line.startsWith(DATA)) {
                String piece = line.substring(line.startsWith("data: ") ? DATA.length() + 1 : DATA.length());
                data = data == null ? new StringBuilder(piece) : data.append('\n').append(piece);
                if (data.length() > MAX_EVENT_CHARS) {
                    throw new IOException("an event longer than " + MAX_EVENT_CHARS + " characters");
                }
            } // event names, ids and comments carry nothing we use
        }
        return data == null ? null : data.toString();
    }
}
