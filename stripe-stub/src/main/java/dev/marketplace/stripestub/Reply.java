package dev.marketplace.stripestub;

import java.util.List;
import java.util.Map;

/** What a request produced: the HTTP status, the JSON object to answer with, and the events to deliver. */
record Reply(int status, Map<String, Object> body, List<Map<String, Object>> events) {

    static Reply ok(Map<String, Object> body, List<Map<String, Object>> events) {
        return new Reply(200, body, events);
    }
}
