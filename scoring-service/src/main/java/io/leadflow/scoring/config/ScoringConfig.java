package io.leadflow.scoring.config;

import io.leadflow.events.EngagementType;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.util.EnumMap;
import java.util.Map;

/**
 * The scoring settings of this walking skeleton; the versioned scoring model replaces them later.
 * Points are keyed by the engagement type's wire name: {@code leadflow.scoring.points.page.viewed=5}
 * (environment: {@code LEADFLOW_SCORING_POINTS_PAGE_VIEWED=5}).
 */
@ConfigMapping(prefix = "leadflow.scoring")
public interface ScoringConfig {

    /** The score at which a known lead becomes a marketing-qualified lead (MQL). */
    @WithDefault("100")
    int mqlThreshold();

    /** The base points of each engagement type. */
    Points points();

    /** The bonus for viewing the pricing page. */
    PricingPage pricingPage();

    interface Points {

        /** Points for opening an email. */
        @WithName("email.opened")
        @WithDefault("5")
        int emailOpened();

        /** Points for clicking a link in an email. */
        @WithName("email.clicked")
        @WithDefault("10")
        int emailClicked();

        /** Points for viewing a page (the pricing page also earns {@code pricing-page.bonus}). */
        @WithName("page.viewed")
        @WithDefault("5")
        int pageViewed();

        /** Points for downloading content (white paper, e-book, ...). */
        @WithName("content.downloaded")
        @WithDefault("20")
        int contentDownloaded();

        /** Points for registering for a webinar. */
        @WithName("webinar.registered")
        @WithDefault("15")
        int webinarRegistered();

        /** Points for attending a webinar. */
        @WithName("webinar.attended")
        @WithDefault("30")
        int webinarAttended();

        /** Points for submitting a form. */
        @WithName("form.submitted")
        @WithDefault("20")
        int formSubmitted();

        /** Points for requesting a demo. */
        @WithName("demo.requested")
        @WithDefault("60")
        int demoRequested();

        /** Points for starting a trial. */
        @WithName("trial.started")
        @WithDefault("50")
        int trialStarted();

        /** Points for completing a purchase. */
        @WithName("purchase.completed")
        @WithDefault("80")
        int purchaseCompleted();

        /** Points for unsubscribing from email (negative: lost interest). */
        @WithName("email.unsubscribed")
        @WithDefault("-20")
        int emailUnsubscribed();

        /** Points for a bounced email (negative: the address may be dead). */
        @WithName("email.bounced")
        @WithDefault("-10")
        int emailBounced();

        /** The points of every engagement type. */
        default Map<EngagementType, Integer> byType() {
            Map<EngagementType, Integer> points = new EnumMap<>(EngagementType.class);
            points.put(EngagementType.EMAIL_OPENED, emailOpened());
            points.put(EngagementType.EMAIL_CLICKED, emailClicked());
            points.put(EngagementType.PAGE_VIEWED, pageViewed());
            points.put(EngagementType.CONTENT_DOWNLOADED, contentDownloaded());
            points.put(EngagementType.WEBINAR_REGISTERED, webinarRegistered());
            points.put(EngagementType.WEBINAR_ATTENDED, webinarAttended());
            points.put(EngagementType.FORM_SUBMITTED, formSubmitted());
            points.put(EngagementType.DEMO_REQUESTED, demoRequested());
            points.put(EngagementType.TRIAL_STARTED, trialStarted());
            points.put(EngagementType.PURCHASE_COMPLETED, purchaseCompleted());
            points.put(EngagementType.EMAIL_UNSUBSCRIBED, emailUnsubscribed());
            points.put(EngagementType.EMAIL_BOUNCED, emailBounced());
            return points;
        }
    }

    interface PricingPage {

        /** Points added to a page view whose url contains {@code url-contains}. */
        @WithDefault("25")
        int bonus();

        /** What a page's url contains when it is the pricing page. */
        @WithDefault("/pricing")
        String urlContains();
    }
}
