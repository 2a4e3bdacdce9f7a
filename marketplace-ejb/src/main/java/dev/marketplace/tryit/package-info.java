/**
 * The portal's "try it" box: one prompt from a signed-in developer to one model, through the real gateway path
 * (the same preparation, hold, routing, upstream call and settlement as {@code /api/v1/chat/completions}), billed to
 * the developer like any call under their own key named {@value dev.marketplace.tryit.TryIt#KEY_NAME}. May use
 * {@code gateway}, {@code keys} and {@code routing}.
 */
package dev.marketplace.tryit;
