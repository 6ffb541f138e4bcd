package io.leadflow.kafkaops;

import java.nio.charset.StandardCharsets;

/** Record bytes as text for the operator: UTF-8 (bytes that are not become U+FFFD), cut at a size. */
public final class Text {

    private Text() {
    }

    /** The bytes as text, at most {@code max} characters; null for null. */
    public static String of(byte[] bytes, int max) {
        if (bytes == null) {
            return null;
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.length() <= max ? text : text.substring(0, max);
    }

    /** Whether {@link #of} cut the bytes. */
    public static boolean cut(byte[] bytes, int max) {
        return bytes != null && new String(bytes, StandardCharsets.UTF_8).length() > max;
    }
}
