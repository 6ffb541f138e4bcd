package io.leadflow.capture.domain;

import java.util.Optional;

/**
 * What a signed email token says: whose mail it is, of which campaign, and for a click the target.
 *
 * @param email the recipient, the lead
 * @param campaign the mail's campaign, when the tool said
 * @param url the click's target: an http(s) URL; empty for an open pixel
 */
public record EmailLink(String email, Optional<String> campaign, Optional<String> url) {
}
