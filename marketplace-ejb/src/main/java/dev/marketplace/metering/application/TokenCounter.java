package dev.marketplace.metering.application;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Counts tokens with the cl100k_base tokenizer when an upstream reports no usage, and estimates a prompt before
 * it is sent. Chat framing follows OpenAI's accounting: a few tokens per message and for the reply's priming.
 */
@ApplicationScoped
public class TokenCounter {
    static final int TOKENS_PER_MESSAGE = 3;
    static final int REPLY_PRIMING_TOKENS = 3;

    private final Encoding encoding = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);

    public int count(String text) {
        return text == null || text.isEmpty() ? 0 : encoding.countTokens(text);
    }

    /** The longest prefix of the text that is at most {@code maxTokens} tokens. */
    public String truncate(String text, int maxTokens) {
        var encoded = encoding.encodeOrdinary(text);
        if (encoded.size() <= maxTokens) {
            return text;
        }
        var kept = new com.knuddels.jtokkit.api.IntArrayList(maxTokens);
        for (int i = 0; i < maxTokens; i++) {
            kept.add(encoded.get(i));
        }
        return encoding.decode(kept);
    }

    public int promptTokens(List<String> messageTexts) {
        int total = REPLY_PRIMING_TOKENS;
        for (String text : messageTexts) {
            total = Math.addExact(total, TOKENS_PER_MESSAGE + count(text));
        }
        return total;
    }
}
