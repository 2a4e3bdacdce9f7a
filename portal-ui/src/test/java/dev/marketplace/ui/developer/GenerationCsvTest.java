package dev.marketplace.ui.developer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.marketplace.activity.application.GenerationFilter;
import dev.marketplace.activity.application.GenerationRow;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GenerationCsvTest {

    @ParameterizedTest
    @CsvSource({"0,0.000000", "1,0.000001", "125,0.000125", "1000000,1.000000", "123456789,123.456789",
            "9223372036854775807,9223372036854.775807"})
    void moneyIsExactDecimalUsd(long micros, String usd) {
        assertEquals(usd, GenerationCsv.usd(micros));
    }

    @Test
    void fieldsAreQuotedOnlyWhenNeeded() {
        assertEquals("plain", GenerationCsv.field("plain"));
        assertEquals("", GenerationCsv.field(null));
        assertEquals("\"a,b\"", GenerationCsv.field("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", GenerationCsv.field("say \"hi\""));
        assertEquals("\"two\nlines\"", GenerationCsv.field("two\nlines"));
        assertEquals("\"cr\rhere\"", GenerationCsv.field("cr\rhere"));
    }

    @Test
    void writesAHeaderAndOneCrlfLinePerRow() throws Exception {
        StringWriter out = new StringWriter();
        GenerationCsv csv = new GenerationCsv(out);
        csv.header();
        csv.row(new GenerationRow("gen-1", Instant.parse("2026-11-25T10:15:30.123Z"), "sim/echo-1", "sim", "my, key",
                12, 5, 1234, 87, "ok", true, "{\"tag\":\"checkout\"}"));
        csv.row(new GenerationRow("gen-2", Instant.parse("2026-11-25T10:16:00Z"), "a/b", "p", "k", 0, 0, 0, 3, "error",
                false, null));
        assertEquals(GenerationCsv.HEADER + "\r\n"
                + "gen-1,2026-11-25T10:15:30.123Z,sim/echo-1,sim,\"my, key\",12,5,0.001234,87,ok,true,\"{\"\"tag\"\":\"\"checkout\"\"}\"\r\n"
                + "gen-2,2026-11-25T10:16:00Z,a/b,p,k,0,0,0.000000,3,error,false,\r\n", out.toString());
    }

    @Test
    void theFileIsNamedAfterItsDays() {
        assertEquals("generations-2026-11-01-to-2026-11-25.csv", GenerationCsv.fileName(
                new GenerationFilter(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 25), null, null, null)));
    }

    @Test
    void theExportLinkCarriesTheWholeFilter() {
        GenerationFilter f = new GenerationFilter(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 25), "a/b c", 42L, "ok");
        assertEquals("/export/generations.csv?from=2026-11-01&to=2026-11-25&model=a%2Fb+c&key=42&status=ok",
                GenerationExportServlet.href(f));
        assertEquals("/export/generations.csv?from=2026-11-01&to=2026-11-01",
                GenerationExportServlet.href(GenerationFilter.lastDays(1, LocalDate.of(2026, 11, 1))));
        assertThrows(IllegalArgumentException.class, () -> f.withStatus("weird"));
    }
}
