package io.leadflow.handoff.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.smallrye.mutiny.operators.multi.processors.SerializedProcessor;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Every handoff event committed by any instance, as it commits and in commit order, for the live
 * streams of this one. Each {@code handoff_event} insert notifies channel {@code handoff_events}
 * when its transaction commits; this instance LISTENs on one connection of its own and, woken, reads
 * the events after the last position it broadcast. So a notification only says "there is more":
 * reads run one at a time and in order, and notifications lost while the connection was down cost
 * nothing once it is back (it reads on every reconnect).
 */
@ApplicationScoped
public class HandoffEventFeed {

    private static final Logger LOG = Logger.getLogger(HandoffEventFeed.class);
    static final String CHANNEL = "handoff_events";
    private static final long RECONNECT_MILLIS = 1000;
    private static final int PAGE = 500;
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(30);

    private final Vertx vertx;
    private final HandoffEventLog log;
    private final PgConnectOptions options;
    // a single reader broadcasts, but serialized all the same: subscribers come and go on any thread
    private final SerializedProcessor<StreamedEvent, StreamedEvent> broadcast = BroadcastProcessor.<StreamedEvent>create().serialized();
    private MultiEmitter<? super Boolean> wakeUps;
    private volatile long last;
    private PgSubscriber subscriber;

    public HandoffEventFeed(Vertx vertx, HandoffEventLog log,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password,
            @ConfigProperty(name = "quarkus.datasource.reactive.postgresql.ssl-mode") Optional<String> sslMode,
            @ConfigProperty(name = "quarkus.datasource.reactive.trust-certificate-pem.certs") Optional<List<String>> trustedCertificates,
            @ConfigProperty(name = "quarkus.datasource.reactive.hostname-verification-algorithm") Optional<String> hostnameVerification) {
        this.vertx = vertx;
        this.log = log;
        this.options = ListenConnectionOptions.of(url, user, password, sslMode, trustedCertificates, hostnameVerification);
    }

    /** Every event committed from now on, in position order, as long as the subscriber stays. */
    public Multi<StreamedEvent> events() {
        return Multi.createFrom().publisher(broadcast);
    }

    void start(@Observes StartupEvent started) {
        last = log.marks().await().atMost(STARTUP_WAIT).issued();
        // LATEST: wake-ups that arrive during a read fold into one more read
        Multi.createFrom().<Boolean>emitter(emitter -> wakeUps = emitter, BackPressureStrategy.LATEST)
                .onItem().transformToUniAndConcatenate(wakeUp -> catchUp())
                .subscribe().with(done -> {
                });
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> RECONNECT_MILLIS);
        subscriber.channel(CHANNEL).handler(eventId -> wakeUp()).subscribeHandler(subscribed -> wakeUp());
        connect();
    }

    void stop(@Observes ShutdownEvent stopping) {
        subscriber.close();
        wakeUps.complete();
    }

    private void connect() {
        subscriber.connect().onFailure(failure -> {
            LOG.warnf("cannot listen for handoff events yet, retrying: %s", failure.toString());
            vertx.setTimer(RECONNECT_MILLIS, retry -> connect());
        });
    }

    private void wakeUp() {
        wakeUps.emit(true);
    }

    private Uni<Void> catchUp() {
        return log.after(last, PAGE).flatMap(page -> {
            for (StreamedEvent event : page) {
                broadcast.onNext(event);
                last = event.position();
            }
            return page.size() < PAGE ? Uni.createFrom().voidItem() : catchUp();
        }).onFailure().recoverWithUni(failure -> {
            LOG.warnf("cannot read handoff events after %d for live streams, retrying: %s", last, failure.toString());
            vertx.setTimer(RECONNECT_MILLIS, retry -> wakeUp());
            return Uni.createFrom().voidItem();
        });
    }
}
