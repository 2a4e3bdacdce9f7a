package dev.marketplace.stripestub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParamsTest {

    @Test
    void nestedBracketsBecomeMapsAndIndexedOnesLists() {
        Params p = Params.parse("mode=payment&line_items[0][price_data][currency]=usd"
                + "&line_items[0][price_data][unit_amount]=1000&line_items[1][quantity]=2"
                + "&metadata[credit_cents]=1000&expand[0]=payment_intent&expand[1]=customer&note=a%20b%26c");
        assertEquals("payment", p.string("mode"));
        assertEquals(List.of("payment_intent", "customer"), p.list("expand"));
        assertEquals(Map.of("credit_cents", "1000"), p.map("metadata"));
        assertEquals(Map.of("price_data", Map.of("currency", "usd", "unit_amount", "1000")), p.list("line_items").get(0));
        assertEquals(Map.of("quantity", "2"), p.list("line_items").get(1));
        assertEquals("a b&c", p.string("note"));
    }

    @Test
    void theFingerprintIgnoresOrderButNotValues() {
        assertEquals(Params.parse("a=1&b=2").canonical(), Params.parse("b=2&a=1").canonical());
        assertNotEquals(Params.parse("a=1&b=2").canonical(), Params.parse("a=1&b=3").canonical());
    }

    @Test
    void badValuesAreStripeErrors() {
        StripeError e = assertThrows(StripeError.class, () -> Params.parse("amount=ten").longValue("amount"));
        assertEquals(400, e.status);
        assertEquals("amount", e.param);
        assertEquals("parameter_missing", assertThrows(StripeError.class,
                () -> Params.parse("").required("currency")).code);
    }
}
