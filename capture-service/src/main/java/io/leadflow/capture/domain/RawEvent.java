package io.leadflow.capture.domain;

/**
 * One event as a client sent it, before validation.
 *
 * @param path where it sits in the request: empty for a single event, {@code events[3]} in a batch
 * @param json its JSON value as plain Java: a {@code Map} for an object, else a list, string,
 *     number, boolean or null
 * @param sizeBytes the bytes it took in the request body
 */
public record RawEvent(String path, Object json, int sizeBytes) {

    /** The name of a field of this event, as reported in errors. */
    public String field(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
