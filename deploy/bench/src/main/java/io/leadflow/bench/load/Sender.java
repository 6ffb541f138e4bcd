package io.leadflow.bench.load;

import java.util.concurrent.CompletableFuture;

/** Sends a request without blocking; the future is true when the target accepted it. */
@FunctionalInterface
public interface Sender {

    CompletableFuture<Boolean> send(Request request);
}
