package io.leadflow.handoff.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.handoff.domain.HandoffAudience;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.smallrye.mutiny.operators.multi.processors.SerializedProcessor;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Every handoff event committed by any instance, as it commits, for the live streams of this one.
 * Each {@code handoff_event} insert notifies channel {@code handoff_events} with the event's id when
 * its transaction commits; this instance LISTENs on one connection of its own, reads the event and
 * broadcasts it. A notification carries only the id because PostgreSQL caps payloads at 8000 bytes.
 */
@ApplicationScoped
public class HandoffEventFeed {

    private static final Logger LOG = Logger.getLogger(HandoffEventFeed.class);
    static final String CHANNEL = "handoff_events";
    private static final long RECONNECT_MILLIS = 1000;

    private final Vertx vertx;
    private final Pool pool;
    private final ObjectMapper json;
    private final PgConnectOptions options;
    // announcements arrive on any event loop: serialized, so that concurrent ones cannot interleave
    private final SerializedProcessor<StreamedEvent, StreamedEvent> broadcast = BroadcastProcessor.<StreamedEvent>create().serialized();
    private PgSubscriber subscriber;

    public HandoffEventFeed(Vertx vertx, Pool pool, ObjectMapper json,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = vertx;
        this.pool = pool;
        this.json = json;
        this.options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""));
        user.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
    }

    /** Every event committed from now on, as long as the subscriber stays. */
    public Multi<StreamedEvent> events() {
        return Multi.createFrom().publisher(broadcast);
    }

    void start(@Observes StartupEvent started) {
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> RECONNECT_MILLIS);
        subscriber.channel(CHANNEL).handler(this::announced);
        connect();
    }

    void stop(@Observes ShutdownEvent stopping) {
        subscriber.close();
    }

    private void connect() {
        subscriber.connect().onFailure(failure -> {
            LOG.warnf("cannot listen for handoff events yet, retrying: %s", failure.toString());
            vertx.setTimer(RECONNECT_MILLIS, retry -> connect());
        });
    }

    private void announced(String eventId) {
        pool.preparedQuery("select event_id, audience::text as audience, data from handoff_event where event_id = $1")
                .execute(Tuple.of(eventId))
                .subscribe().with(rows -> {
                    for (Row row : rows) {
                        broadcast.onNext(new StreamedEvent(row.getString("event_id"), audience(row.getString("audience")), row.getString("data")));
                    }
                }, failure -> LOG.warnf("handoff event %s is not streamed: %s", eventId, failure.toString()));
    }

    private HandoffAudience audience(String column) {
        try {
            return json.readValue(column, HandoffAudience.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored audience does not read back: " + column, e);
        }
    }
}
