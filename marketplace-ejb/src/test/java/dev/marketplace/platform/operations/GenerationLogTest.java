package dev.marketplace.platform.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GenerationLogTest {
    private final Logger logger = Logger.getLogger(Operations.GENERATION_LOGGER);
    private final List<String> records = new ArrayList<>();
    private boolean parentHandlers;
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void capture() {
        parentHandlers = logger.getUseParentHandlers();
        logger.setUseParentHandlers(false); // thousands of lines: not on the console
        logger.addHandler(capture);
    }

    @AfterEach
    void release() {
        GenerationLog.batching(false);
        logger.removeHandler(capture);
        logger.setUseParentHandlers(parentHandlers);
    }

    @Test
    void withoutAFlusherEachLineIsLoggedAtOnce() {
        GenerationLog.add("{\"a\":1}");
        GenerationLog.add("{\"a\":2}");

        assertEquals(List.of("{\"a\":1}", "{\"a\":2}"), records);
    }

    @Test
    void whileBatchingLinesWaitForTheFlushAndKeepTheirOrderOnePerLine() {
        GenerationLog.batching(true);
        GenerationLog.add("{\"a\":1}");
        GenerationLog.add("{\"a\":2}");
        GenerationLog.add("{\"a\":3}");
        assertEquals(List.of(), records, "queued, not written");
        assertEquals(3, GenerationLog.pending());

        assertEquals(3, GenerationLog.flush());

        assertEquals(1, records.size(), "one record for the batch");
        assertEquals(List.of("{\"a\":1}", "{\"a\":2}", "{\"a\":3}"), Arrays.asList(records.get(0).split(System.lineSeparator())));
        assertEquals(0, GenerationLog.pending());
        assertEquals(0, GenerationLog.flush(), "nothing left: nothing written");
        assertEquals(1, records.size());
    }

    @Test
    void aLargeBacklogIsWrittenInRecordsOfBoundedSize() {
        GenerationLog.batching(true);
        int lines = GenerationLog.LINES_PER_RECORD * 2 + 7;
        for (int i = 0; i < lines; i++) {
            GenerationLog.add("{\"n\":" + i + "}");
        }

        assertEquals(lines, GenerationLog.flush());

        assertEquals(List.of(GenerationLog.LINES_PER_RECORD, GenerationLog.LINES_PER_RECORD, 7),
                records.stream().map(r -> r.split(System.lineSeparator()).length).toList());
        List<String> all = records.stream().flatMap(r -> Arrays.stream(r.split(System.lineSeparator()))).toList();
        for (int i = 0; i < lines; i++) {
            assertEquals("{\"n\":" + i + "}", all.get(i));
        }
    }

    @Test
    void stoppingWritesWhatIsQueued() {
        GenerationLog.batching(true);
        GenerationLog.add("{\"last\":true}");

        GenerationLog.batching(false);

        assertEquals(List.of("{\"last\":true}"), records);
        GenerationLog.add("{\"after\":true}");
        assertEquals(List.of("{\"last\":true}", "{\"after\":true}"), records, "after the stop, lines go out at once");
    }

    @Test
    void linesBeyondTheBacklogLimitAreDroppedAndCountedWithoutBlocking() {
        GenerationLog.batching(true);
        long droppedBefore = dropped();
        for (int i = 0; i < GenerationLog.MAX_PENDING + 5; i++) {
            GenerationLog.add("x");
        }

        assertEquals(GenerationLog.MAX_PENDING, GenerationLog.pending());
        assertEquals(5, dropped() - droppedBefore);
        assertEquals(GenerationLog.MAX_PENDING, GenerationLog.flush());
        assertTrue(records.stream().allMatch(r -> !r.isEmpty()));
    }

    private static long dropped() {
        StringBuilder out = new StringBuilder();
        Operations.GENERATION_LOG_DROPPED.render(out);
        return out.toString().lines().filter(l -> l.startsWith("marketplace_generation_log_dropped_total"))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
