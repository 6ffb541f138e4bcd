package io.leadflow.apisecurity;

/**
 * Fired (a CDI event) when a request is refused for its body's size, before anything reads it: a service that
 * counts its refusals observes it.
 *
 * @param path the request's path
 * @param limit the most the endpoint takes, in bytes
 */
public record BodyTooLarge(String path, long limit) {
}
