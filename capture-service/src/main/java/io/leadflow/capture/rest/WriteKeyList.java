package io.leadflow.capture.rest;

import java.util.List;

/** Every write key capture accepts, configured ones first. */
public record WriteKeyList(List<WriteKeyView> writeKeys) {
}
