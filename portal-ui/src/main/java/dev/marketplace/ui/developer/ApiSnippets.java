package dev.marketplace.ui.developer;

import java.util.List;

/**
 * Copy-paste examples for calling the API, with the model every installation has: the simulator. With a key they are
 * ready to run as they are (curl, Python and JavaScript with the OpenAI SDK, Java with {@code java.net.http});
 * without one they read it from {@code MARKETPLACE_API_KEY}.
 */
public final class ApiSnippets {

    static final String EXAMPLE_MODEL = "sim/echo-1";
    private static final String ENV_KEY = "$MARKETPLACE_API_KEY";

    /** A snippet's language as a tab shows it, and its text. */
    public record Snippet(String language, String code) {
    }

    private ApiSnippets() {
    }

    /** The simulator when it is listed, else the first live model, so the snippets name a model that answers. */
    static String exampleModel(List<String> liveModels) {
        if (liveModels.isEmpty() || liveModels.contains(EXAMPLE_MODEL)) {
            return EXAMPLE_MODEL;
        }
        return liveModels.get(0);
    }

    static String curl(String apiBase) {
        return curl(apiBase, ENV_KEY, EXAMPLE_MODEL);
    }

    /** Every snippet for one key and model, in the order the tabs show them. */
    public static List<Snippet> all(String apiBase, String key, String model) {
        return List.of(new Snippet("curl", curl(apiBase, key, model)), new Snippet("Python", python(apiBase, key, model)),
                new Snippet("JavaScript", javascript(apiBase, key, model)), new Snippet("Java", java(apiBase, key, model)));
    }

    static String curl(String apiBase, String key, String model) {
        return "curl " + apiBase + "/chat/completions \\\n"
                + "  -H \"Authorization: Bearer " + key + "\" \\\n"
                + "  -H \"Content-Type: application/json\" \\\n"
                + "  -d '{\"model\": \"" + model + "\", \"messages\": [{\"role\": \"user\", \"content\": \"Hello!\"}]}'";
    }

    /** {@code pip install openai}, then run with python3. */
    static String python(String apiBase, String key, String model) {
        return """
                from openai import OpenAI

                client = OpenAI(base_url="%s", api_key="%s")
                reply = client.chat.completions.create(
                    model="%s",
                    messages=[{"role": "user", "content": "Hello!"}],
                )
                print(reply.choices[0].message.content)""".formatted(apiBase, key, model);
    }

    /** {@code npm install openai}, then run as an ES module ({@code node hello.mjs}). */
    static String javascript(String apiBase, String key, String model) {
        return """
                import OpenAI from "openai";

                const client = new OpenAI({ baseURL: "%s", apiKey: "%s" });
                const reply = await client.chat.completions.create({
                  model: "%s",
                  messages: [{ role: "user", content: "Hello!" }],
                });
                console.log(reply.choices[0].message.content);""".formatted(apiBase, key, model);
    }

    /** Java 17 with no dependencies: save as Hello.java and run {@code java Hello.java}. */
    static String java(String apiBase, String key, String model) {
        return """
                import java.net.URI;
                import java.net.http.HttpClient;
                import java.net.http.HttpRequest;
                import java.net.http.HttpResponse;

                public class Hello {
                    public static void main(String[] args) throws Exception {
                        String body = "{\\"model\\": \\"%s\\", \\"messages\\": [{\\"role\\": \\"user\\", \\"content\\": \\"Hello!\\"}]}";
                        HttpRequest request = HttpRequest.newBuilder(URI.create("%s/chat/completions"))
                                .header("Authorization", "Bearer %s")
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build();
                        HttpResponse<String> response = HttpClient.newHttpClient()
                                .send(request, HttpResponse.BodyHandlers.ofString());
                        System.out.println(response.statusCode() + " " + response.body());
                    }
                }""".formatted(model, apiBase, key);
    }
}
