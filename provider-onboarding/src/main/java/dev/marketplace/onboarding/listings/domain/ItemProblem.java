package dev.marketplace.onboarding.listings.domain;

/**
 * One thing wrong with a List Models document. {@code index} is the position in {@code data[]} (-1 for the
 * document as a whole), {@code modelId} the item's {@code id} when it has one, {@code field} a JSON path such as
 * {@code pricing.request}.
 */
public record ItemProblem(int index, String modelId, String field, String message) {

    public String describe() {
        String where = index < 0 ? "document" : "data[" + index + "]" + (modelId == null ? "" : " (" + modelId + ")");
        return where + (field == null || field.isEmpty() ? "" : " " + field) + ": " + message;
    }
}
