package io.leadflow.handoff.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** SLA arithmetic in working hours, across time zones, nights, weekends and daylight saving. */
class BusinessClockTest {

    private static final WorkingHours LONDON = hours("Europe/London");
    private static final WorkingHours NEW_YORK = hours("America/New_York");
    private static final WorkingHours TOKYO = hours("Asia/Tokyo");

    @Test
    void withinOneWorkingDayItIsPlainAddition() {
        // Monday 10:00 London (GMT in November) plus 4 working hours
        assertThat(BusinessClock.plusWorkingTime(Instant.parse("2026-11-23T10:00:00Z"), Duration.ofHours(4), LONDON))
                .isEqualTo(Instant.parse("2026-11-23T14:00:00Z"));
    }

    @Test
    void whatDoesNotFitTodayCarriesOverToTheNextMorning() {
        // Monday 15:00 London plus 4h: 2h today, 2h from 09:00 Tuesday
        assertThat(BusinessClock.plusWorkingTime(Instant.parse("2026-11-23T15:00:00Z"), Duration.ofHours(4), LONDON))
                .isEqualTo(Instant.parse("2026-11-24T11:00:00Z"));
    }

    @Test
    void aLeadArrivingOnFridayEveningIsDueOnMonday() {
        // Friday 16:00 London plus 4h: 1h on Friday, 3h from Monday 09:00
        assertThat(BusinessClock.plusWorkingTime(Instant.parse("2026-11-27T16:00:00Z"), Duration.ofHours(4), LONDON))
                .isEqualTo(Instant.parse("2026-11-30T12:00:00Z"));
        // Saturday noon: the clock starts on Monday morning
        assertThat(BusinessClock.plusWorkingTime(Instant.parse("2026-11-28T12:00:00Z"), Duration.ofHours(1), LONDON))
                .isEqualTo(Instant.parse("2026-11-30T10:00:00Z"));
    }

    @Test
    void theSameInstantIsCountedInEachRepsOwnTimeZone() {
        // Monday 10:00 UTC: 05:00 in New York (before the day starts), 19:00 in Tokyo (after it ends)
        Instant mondayMorningUtc = Instant.parse("2026-11-23T10:00:00Z");

        assertThat(BusinessClock.plusWorkingTime(mondayMorningUtc, Duration.ofHours(2), NEW_YORK))
                .as("09:00 + 2h New York time = 16:00 UTC").isEqualTo(Instant.parse("2026-11-23T16:00:00Z"));
        assertThat(BusinessClock.plusWorkingTime(mondayMorningUtc, Duration.ofHours(2), TOKYO))
                .as("Tuesday 09:00 + 2h Tokyo time = 02:00 UTC").isEqualTo(Instant.parse("2026-11-24T02:00:00Z"));
    }

    @Test
    void aFridayInTokyoIsStillThursdayInNewYork() {
        // Thursday 23:00 UTC is Friday 08:00 in Tokyo: 8h of the Friday, the rest on Monday
        Instant thursdayNightUtc = Instant.parse("2026-11-26T23:00:00Z");
        assertThat(BusinessClock.plusWorkingTime(thursdayNightUtc, Duration.ofHours(10), TOKYO))
                .as("Monday 11:00 Tokyo").isEqualTo(Instant.parse("2026-11-30T02:00:00Z"));
    }

    @Test
    void daylightSavingChangesKeepTheLocalWorkingDay() {
        // London moves to BST on Sunday 29 March 2026: Friday 16:00 GMT plus 2h ends Monday 10:00 BST (09:00 UTC)
        assertThat(BusinessClock.plusWorkingTime(Instant.parse("2026-03-27T16:00:00Z"), Duration.ofHours(2), LONDON))
                .isEqualTo(Instant.parse("2026-03-30T09:00:00Z"));
    }

    @Test
    void slaTermsUseWorkingHoursOnlyWhenAskedAndGiven() {
        Instant friday = Instant.parse("2026-11-27T16:00:00Z");
        SlaTerms business = new SlaTerms(Duration.ofHours(4), true);

        assertThat(business.dueAt(friday, LONDON)).isEqualTo(Instant.parse("2026-11-30T12:00:00Z"));
        assertThat(business.dueAt(friday, null)).as("no hours known").isEqualTo(Instant.parse("2026-11-27T20:00:00Z"));
        assertThat(SlaTerms.wallClock(Duration.ofHours(4)).dueAt(friday, LONDON)).isEqualTo(Instant.parse("2026-11-27T20:00:00Z"));
    }

    private static WorkingHours hours(String zone) {
        return new WorkingHours(ZoneId.of(zone), LocalTime.of(9, 0), LocalTime.of(17, 0), null);
    }
}
