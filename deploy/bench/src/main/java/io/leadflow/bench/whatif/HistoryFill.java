package io.leadflow.bench.whatif;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Fills scoring-service's database directly, in set-based SQL: a million events through the pipeline would take the
 * best part of an hour on the 2-core machine, and what the what-if scenario measures is reading a large history, not
 * writing it. Leads are {@code whatif-<n>-<run>@bench.example.com} (a quarter a VP in GB), stored as new (score 0,
 * LEAD) so that a preview and a replay move them; their events are the pipeline mix's types spread over 90 days and
 * skewed towards a few leads as the pipeline's Zipf population is (the busiest lead has some 2% of them), each lead
 * chosen as {@code leads * random()^3}. It writes the lead and lead_event tables (and, for the {@code grow} scenario,
 * score_entry), and leaves them: the database stays as large as a busy stack's.
 */
public final class HistoryFill {

    private static final int EVENTS_A_STATEMENT = 100_000;

    private static final String LEADS = """
            insert into lead (id, lead_key, email, score, stage, traits, created_at, updated_at)
            select md5(?1 || '-' || n)::uuid, k, k, 0, 'LEAD',
                   case when n % 4 = 0 then '{"jobTitle": "VP Marketing", "country": "GB"}'::jsonb else '{}'::jsonb end, now(), now()
            from generate_series(1, ?2) as n, lateral (select 'whatif-' || n || '-' || ?1 || '@bench.example.com' as k) as key
            """.replace("?1", "?").replace("?2", "?");

    // random() per row: r picks the type (45% page views, 30% opens, 10% clicks, then downloads, webinars, forms, 1% demos)
    private static final String EVENTS = """
            insert into lead_event (event_id, lead_id, type, occurred_at, properties, traits, bot, weight, recorded_at)
            select ? || '-' || g, md5(? || '-' || (1 + floor(? * power(random(), 3)))::bigint)::uuid,
                   case when r < 0.45 then 'page.viewed' when r < 0.75 then 'email.opened' when r < 0.85 then 'email.clicked'
                        when r < 0.92 then 'content.downloaded' when r < 0.96 then 'webinar.attended' when r < 0.99 then 'form.submitted'
                        else 'demo.requested' end,
                   now() - random() * interval '90 days',
                   case when r < 0.45 then jsonb_build_object('url', 'https://example.com/'
                            || (array['pricing', 'docs/start', 'blog/scoring', 'careers', 'product'])[1 + floor(random() * 5)::int])
                        when r >= 0.99 then '{"formId": "demo-request"}'::jsonb else '{}'::jsonb end,
                   '{}'::jsonb, false, 1, now()
            from (select g, random() as r from generate_series(?, ?) as g) as events
            """;

    // what counting would have written for those events: one entry for 70% of them (the pipeline mix gives about 0.7),
    // spread over the ledger's key as counting spreads it
    private static final String LEDGER = """
            insert into score_entry (lead_id, event_id, rule, type, points, reason, occurred_at, model_version, weight, recorded_at)
            select lead_id, event_id, replace(type, '.', '-'), type, 5, 'bench fill', occurred_at, 1, 1, recorded_at
            from lead_event where event_id in (select ? || '-' || g from generate_series(?, ?) as g where random() < 0.7)
            """;

    private HistoryFill() {
    }

    /**
     * As {@link #fill(Connection, String, int, int)}, and the ledger entries of those events too: a database grown as a
     * stack's would be after as many events, for measuring counting's writes against large tables and indexes.
     */
    public static void fillWithLedger(Connection connection, String run, int leads, int events) throws SQLException {
        fill(connection, run, leads, events);
        try (PreparedStatement insert = connection.prepareStatement(LEDGER)) {
            for (int from = 1; from <= events; from += EVENTS_A_STATEMENT) {
                insert.setString(1, "whatif-" + run);
                insert.setInt(2, from);
                insert.setInt(3, Math.min(events, from + EVENTS_A_STATEMENT - 1));
                insert.executeUpdate();
            }
        }
        try (Statement analyze = connection.createStatement()) {
            analyze.execute("analyze score_entry");
        }
    }

    /** Adds {@code leads} leads and {@code events} history events of this run's; answers when done. */
    public static void fill(Connection connection, String run, int leads, int events) throws SQLException {
        connection.setAutoCommit(true);
        try (PreparedStatement insert = connection.prepareStatement(LEADS)) {
            insert.setString(1, run);
            insert.setInt(2, leads);
            insert.setString(3, run);
            insert.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement(EVENTS)) {
            for (int from = 1; from <= events; from += EVENTS_A_STATEMENT) {
                insert.setString(1, "whatif-" + run);
                insert.setString(2, run);
                insert.setInt(3, leads);
                insert.setInt(4, from);
                insert.setInt(5, Math.min(events, from + EVENTS_A_STATEMENT - 1));
                insert.executeUpdate();
            }
        }
        try (Statement analyze = connection.createStatement()) {
            analyze.execute("analyze lead");
            analyze.execute("analyze lead_event");
        }
    }

    /** How many leads and history events the database holds now. */
    public static long[] sizes(Connection connection) throws SQLException {
        try (Statement count = connection.createStatement();
                var rows = count.executeQuery("select (select count(*) from lead), (select count(*) from lead_event)")) {
            rows.next();
            return new long[] {rows.getLong(1), rows.getLong(2)};
        }
    }
}
