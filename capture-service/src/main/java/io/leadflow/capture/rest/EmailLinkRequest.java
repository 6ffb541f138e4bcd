package io.leadflow.capture.rest;

/**
 * An email tool's request for the links of one mail to one recipient.
 *
 * @param email the recipient
 * @param campaign the mail's campaign, optional
 * @param url the target of a click link, optional: without it only the open pixel is made
 */
public record EmailLinkRequest(String email, String campaign, String url) {
}
