package dev.marketplace.onboarding.listings.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.billing.money.PriceSet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ModelsDocumentTest {

    static byte[] fixture(String name) {
        try (InputStream in = ModelsDocumentTest.class.getResourceAsStream("/listmodels/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readsEveryFieldOfAValidDocument() {
        ModelsDocument document = ModelsDocument.parse(fixture("valid.json"));
        assertEquals(List.of(), document.problems());
        assertEquals(3, document.proposals().size());

        ListingProposal acme = document.proposals().get(0);
        assertEquals("Acme-Chat-7B", acme.upstreamModel());
        assertEquals("acme/chat-7b", acme.modelSlug(), "openrouter.slug maps the provider's id to our slug");
        assertEquals("acme", acme.author());
        assertEquals("Acme: Chat 7B", acme.name());
        assertEquals(1764028800L, acme.createdEpochSeconds());
        assertEquals(List.of("text", "image"), acme.inputModalities());
        assertEquals(List.of("text"), acme.outputModalities());
        assertEquals("fp8", acme.quantization());
        assertEquals(131072, acme.contextLength());
        assertEquals(8192, acme.maxOutputTokens());
        assertEquals(125_000L, acme.inputPriceMicrosPerMTok());
        assertEquals(500_000L, acme.outputPriceMicrosPerMTok());
        assertEquals(List.of("temperature", "top_p", "stop", "seed"), acme.samplingParameters());
        assertEquals(List.of("tools", "json_mode"), acme.features());
        assertEquals("A small chat model.", acme.description());
        assertEquals(Instant.parse("2027-06-30T00:00:00Z"), acme.deprecationDate());
        assertEquals(List.of("DE", "US"), acme.datacenterCountries());

        ListingProposal llama = document.proposals().get(1);
        assertEquals("meta-llama/llama-3.1-8b-instruct", llama.modelSlug());
        assertEquals("meta-llama/llama-3.1-8b-instruct", llama.name(), "the name defaults to the id");
        assertEquals(32768, llama.maxOutputTokens(), "max output defaults to the context length");
        assertEquals(20_000L, llama.inputPriceMicrosPerMTok());
        assertEquals(50_000L, llama.outputPriceMicrosPerMTok());
        assertNull(llama.quantization());

        ListingProposal free = document.proposals().get(2);
        assertEquals(0L, free.inputPriceMicrosPerMTok());
        assertEquals(1L, free.outputPriceMicrosPerMTok(), "the smallest chargeable price survives exactly");
        assertEquals(Instant.parse("2027-01-01T00:00:00Z"), free.deprecationDate());
    }

    @Test
    void aDocumentThatIsNotJsonIsOneClearProblem() {
        ModelsDocument document = ModelsDocument.parse(fixture("malformed.json"));
        assertFalse(document.valid());
        assertEquals(1, document.problems().size());
        assertTrue(document.problems().get(0).describe().startsWith("document: is not valid JSON"), document.problems().toString());
        assertEquals(List.of(), document.proposals());
    }

    @Test
    void documentShapesAreChecked() {
        assertProblem(ModelsDocument.parse("[]".getBytes(StandardCharsets.UTF_8)), "document: must be a JSON object");
        assertProblem(ModelsDocument.parse("{}".getBytes(StandardCharsets.UTF_8)), "document data: is missing");
        assertProblem(ModelsDocument.parse("{\"data\":{}}".getBytes(StandardCharsets.UTF_8)), "document data: must be an array");
        assertProblem(ModelsDocument.parse("".getBytes(StandardCharsets.UTF_8)), "document: is not valid JSON");
        String tooMany = "{\"data\":[" + "{},".repeat(ModelsDocument.MAX_MODELS) + "{}]}";
        assertProblem(ModelsDocument.parse(tooMany.getBytes(StandardCharsets.UTF_8)), "at most 1000 per import");
    }

    @Test
    void wrongTypesAreNamedFieldByField() {
        ModelsDocument document = ModelsDocument.parse(fixture("wrong-types.json"));
        assertEquals(List.of(), document.proposals(), "every item of this fixture is wrong");
        String all = describeAll(document);
        for (String expected : List.of(
                "data[0] id: must be a non-empty string",
                "data[1] (acme/a) context_length: must be a whole number, got a string",
                "data[1] (acme/a) pricing.prompt: must be a decimal string in USD per token, got a number",
                "data[2] (acme/b) context_length: must be a whole number, got a number",
                "data[2] (acme/b) pricing: must be an object, got a string",
                "data[3] (acme/c) input_modalities: must be an array of strings, got a string",
                "data[3] (acme/c) output_modalities[1]: must be a string, got a number",
                "data[3] (acme/c) output_modalities[2]: \"smell\" is not one of",
                "data[3] (acme/c) created: must be a whole number, got a string",
                "data[4] (acme/d) max_output_length: (2000) is larger than context_length (1000)",
                "data[4] (acme/d) quantization: \"fp3\" is not one of",
                "data[4] (acme/d) deprecation_date: \"soon\" is not a date",
                "data[4] (acme/d) datacenters[0]: must be an object with a two-letter upper-case country_code",
                "data[4] (acme/d) datacenters[1]: must be an object",
                "data[5]: must be an object, got a string",
                "data[6] (acme/f) context_length: must be between 1 and",
                "data[6] (acme/f) pricing.prompt: is missing",
                "data[6] (acme/f) supported_sampling_parameters[1]: \"<script>\" is not a plain lower-case name")) {
            assertTrue(all.contains(expected), () -> "missing \"" + expected + "\" in:\n" + all);
        }
    }

    @Test
    void hostileItemsAreRefusedWithTheFieldNamed() {
        ModelsDocument document = ModelsDocument.parse(fixture("hostile.json"));
        String all = describeAll(document);
        for (String expected : List.of(
                "data[1] (acme/good) id: duplicates the id of data[0]",
                "data[2] (Acme/Good) id: maps to the slug acme/good like data[0]",
                "data[3] (acme/neg) pricing.prompt: is negative",
                "data[4] (acme/tiny) pricing.prompt: \"0.0000000000001\" cannot be charged exactly",
                "data[5] (acme/exp) pricing.prompt: must be a plain decimal string",
                "data[5] (acme/exp) pricing.completion: must be a plain decimal string",
                "data[6] (acme/huge) pricing.prompt: \"99999999999\" is too large to charge",
                "data[7] (acme/request) pricing.request: \"0.0000002\" cannot be charged exactly: the smallest step billing can charge is 0.000001 USD (1 micro-USD) per request",
                "data[8] (acme/cache) pricing.input_cache_read: must be a decimal string in USD per token, got a number",
                "data[8] (acme/cache) pricing.input_cache_write: is negative",
                "data[8] (acme/cache) pricing.image: is 0.001 USD per input image, which billing cannot charge",
                "data[9] (acme/tiers) pricing.context_tiers: has 2 tiers; billing charges at most 1 tier beyond the base prompt and completion prices",
                "data[10] (acme/mystery) pricing.vibes: is not a price field we know",
                "data[11] (../../etc/passwd) id: \"../../etc/passwd\" is not a model slug",
                "data[12] (acme/big-context) context_length: is out of range",
                "data[13] (acme/long-name) name: is longer than 200 characters")) {
            assertTrue(all.contains(expected), () -> "missing \"" + expected + "\" in:\n" + all);
        }
        assertEquals(14, document.problems().stream().map(ItemProblem::index).distinct().count() + 1,
                "every item but the first has a problem");
        assertEquals(List.of("acme/good"), document.proposals().stream().map(ListingProposal::upstreamModel).toList());
        assertFalse(document.valid(), "a document with any problem is not importable");
    }

    @Test
    void everyPriceBillingChargesIsAccepted() {
        ModelsDocument document = ModelsDocument.parse(fixture("priced.json"));
        assertEquals(List.of(), document.problems());
        assertEquals(new PriceSet(1_250_000, 10_000_000, 200, 125_000, 1_625_000, new PriceSet.Tier(200_000, 2_500_000, 15_000_000)),
                document.proposals().get(0).prices(), "per token × 10^12, per request × 10^6, exactly");
        assertEquals(new PriceSet(0, 0, 1, 0, 0, null), document.proposals().get(1).prices(), "the smallest request price");
        assertEquals(new PriceSet(1_000_000, 2_000_000, 0, 100_000, 0, null), document.proposals().get(2).prices(),
                "absent prices are free");
        assertEquals(1_250_000, document.proposals().get(0).inputPriceMicrosPerMTok());
        assertEquals(10_000_000, document.proposals().get(0).outputPriceMicrosPerMTok());
    }

    @Test
    void tiersAndUnchargeablePricesAreRefusedWithTheFieldNamed() {
        ModelsDocument document = ModelsDocument.parse(fixture("tier-problems.json"));
        assertEquals(List.of(), document.proposals());
        String all = describeAll(document);
        for (String expected : List.of(
                "data[0] (acme/t0) pricing.context_tiers: must be an array of at most 1 tier, got an object",
                "data[1] (acme/t1) pricing.context_tiers[0]: must be an object",
                "data[2] (acme/t2) pricing.context_tiers[0].min_context: must be a whole number of prompt tokens between 1 and",
                "data[2] (acme/t2) pricing.context_tiers[0].completion: is missing",
                "data[3] (acme/t3) pricing.context_tiers[0].input_cache_read: cannot be charged per tier",
                "data[3] (acme/t3) pricing.context_tiers[0].min_context: must be a whole number of prompt tokens between 1 and 2147483647, got 500.5",
                "data[4] (acme/t4) pricing.context_tiers[0].min_context: must be a whole number of prompt tokens between 1 and 2147483647, got a string",
                "data[4] (acme/t4) pricing.context_tiers[0].prompt: must be a decimal string in USD per token, got a number",
                "data[4] (acme/t4) pricing.context_tiers[0].completion: \"0.0000000000000001\" cannot be charged exactly",
                "data[5] (acme/t5) pricing.internal_reasoning: is 0.00001 USD per reasoning token, which billing cannot charge",
                "data[5] (acme/t5) pricing.audio: is 0.1 USD per audio input unit, which billing cannot charge",
                "data[5] (acme/t5) pricing.web_search: is 0.01 USD per web search, which billing cannot charge")) {
            assertTrue(all.contains(expected), () -> "missing \"" + expected + "\" in:\n" + all);
        }
    }

    private static String describeAll(ModelsDocument document) {
        return document.problems().stream().map(ItemProblem::describe).collect(Collectors.joining("\n"));
    }

    private static void assertProblem(ModelsDocument document, String expected) {
        assertFalse(document.valid());
        String all = describeAll(document);
        assertTrue(all.contains(expected), () -> "missing \"" + expected + "\" in:\n" + all);
    }
}
