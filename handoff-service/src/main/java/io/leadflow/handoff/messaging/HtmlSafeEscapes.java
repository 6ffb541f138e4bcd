package io.leadflow.handoff.messaging;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;

/**
 * JSON escapes for bodies sent to other systems: {@code <}, {@code >} and {@code &} are written as
 * {@code \u003C}, {@code \u003E} and {@code \u0026}. A captured string (a trait, a page URL) is data
 * that a receiver may paste into an HTML page; escaped so, it cannot open a tag or an entity there,
 * and every JSON parser still reads back the exact text.
 */
final class HtmlSafeEscapes extends CharacterEscapes {

    private static final int[] ASCII_ESCAPES = standardAsciiEscapesForJSON();

    static {
        for (char markup : new char[] {'<', '>', '&'}) {
            ASCII_ESCAPES[markup] = ESCAPE_STANDARD;
        }
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return ASCII_ESCAPES;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        // only the standard escapes above: no custom sequences
        return null;
    }
}
