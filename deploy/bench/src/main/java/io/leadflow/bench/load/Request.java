package io.leadflow.bench.load;

/** One request the load generator sends: its body and how many events it carries. */
public record Request(String body, int events) {
}
