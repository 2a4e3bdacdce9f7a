package dev.marketplace.ui.developer;

/** Copy-paste examples for calling the API, with the model every installation has: the simulator. */
final class ApiSnippets {

    static final String EXAMPLE_MODEL = "sim/echo-1";

    private ApiSnippets() {
    }

    static String curl(String apiBase) {
        return "curl " + apiBase + "/chat/completions \\\n"
                + "  -H \"Authorization: Bearer $MARKETPLACE_API_KEY\" \\\n"
                + "  -H \"Content-Type: application/json\" \\\n"
                + "  -d '{\"model\": \"" + EXAMPLE_MODEL + "\", \"messages\": [{\"role\": \"user\", \"content\": \"Hello!\"}]}'";
    }
}
