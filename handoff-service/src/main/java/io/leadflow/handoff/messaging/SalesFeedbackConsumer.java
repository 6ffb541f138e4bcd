package io.leadflow.handoff.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.events.CloudEventSources;
import io.leadflow.events.DeterministicIds;
import io.leadflow.events.SalesFeedback;
import io.leadflow.handoff.domain.IllegalTransitionException;
import io.leadflow.txmessaging.IncomingEvent;
import io.leadflow.txmessaging.ProcessOnce;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Applies sales tools' verdicts (accept, reject, recycle, qualify done in a CRM) to the handoff and
 * announces the change on the handoffs topic. Feedback this service published itself (its own HTTP
 * actions, recognised by {@code ce_source}) is already applied and is passed over. Feedback that
 * cannot apply (no such handoff, a status that does not allow it) is logged and acknowledged:
 * scoring still counts it, and the handoff stays as it is.
 */
@ApplicationScoped
public class SalesFeedbackConsumer {

    private static final Logger LOG = Logger.getLogger(SalesFeedbackConsumer.class);

    private final ObjectMapper json;
    private final ProcessOnce processOnce;
    private final SalesActions actions;

    public SalesFeedbackConsumer(ObjectMapper json, ProcessOnce processOnce, SalesActions actions) {
        this.json = json;
        this.processOnce = processOnce;
        this.actions = actions;
    }

    @Incoming(Channels.SALES_FEEDBACK)
    public Uni<Void> consume(Message<String> message) {
        if (publishedHere(message)) {
            return Uni.createFrom().completionStage(message.ack());
        }
        return IncomingEvent.handle(message, json, List.of(SalesFeedback.TYPE), event -> {
            SalesFeedback feedback = event.dataAs(SalesFeedback.class, json);
            SalesActions.Command command = new SalesActions.Command(UUID.fromString(feedback.handoffId()), feedback.action(),
                    feedback.reasonCode(), feedback.actor(), DeterministicIds.of("handoff-status", event.id()), false);
            return processOnce.process(Channels.SALES_FEEDBACK, event.id(), () -> actions.apply(command)
                    .invoke(handoff -> {
                        if (handoff == null) {
                            LOG.warnf("sales feedback %s names no handoff of this service: %s", event.id(), feedback.handoffId());
                        }
                    })
                    .onFailure(IllegalTransitionException.class).recoverWithItem(failure -> {
                        LOG.warnf("sales feedback %s does not apply to handoff %s: %s", event.id(), feedback.handoffId(), failure.getMessage());
                        return null;
                    })
                    .replaceWithVoid());
        });
    }

    private static boolean publishedHere(Message<String> message) {
        return message.getMetadata(IncomingCloudEventMetadata.class)
                .map(ce -> ce.getSource() != null && CloudEventSources.HANDOFF.equals(ce.getSource().toString()))
                .orElse(false);
    }
}
