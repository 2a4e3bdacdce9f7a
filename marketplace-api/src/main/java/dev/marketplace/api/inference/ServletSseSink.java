package dev.marketplace.api.inference;

import dev.marketplace.gateway.application.SseSink;
import dev.marketplace.routing.upstream.ClientGoneException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Server-sent events to the client; the 200 and the headers go out with the first event, not before. */
final class ServletSseSink implements SseSink {
    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);

    private final HttpServletResponse response;
    private ServletOutputStream out;

    ServletSseSink(HttpServletResponse response) {
        this.response = response;
    }

    @Override
    public void data(String json) throws ClientGoneException {
        write(("data: " + json + "\n\n").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void done() throws ClientGoneException {
        write(DONE);
    }

    private void write(byte[] event) throws ClientGoneException {
        try {
            if (out == null) {
                response.setStatus(HttpServletResponse.SC_OK);
                response.setContentType("text/event-stream;charset=UTF-8");
                response.setHeader("Cache-Control", "no-cache");
                response.setHeader("X-Accel-Buffering", "no");
                out = response.getOutputStream();
            }
            out.write(event);
            out.flush();
        } catch (IOException e) {
            throw new ClientGoneException(e);
        }
    }
}
