package io.leadflow.capture.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The links of one mail.
 *
 * @param openPixelUrl the 1x1 GIF to embed: each fetch records {@code email.opened}
 * @param clickUrl the link to put in place of the target: each click records {@code email.clicked} and
 *     redirects to the target; absent when no target was asked for
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EmailLinks(String openPixelUrl, String clickUrl) {
}
