package io.leadflow.handoff.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.events.AccountScored;
import io.leadflow.events.AccountStage;
import io.leadflow.events.AccountStageChanged;
import io.leadflow.txmessaging.IncomingEvent;
import io.leadflow.txmessaging.ProcessOnce;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Turns each account that becomes an MQA into one handoff to its owner ({@link AccountHandoffs}). Account scores and
 * other stage changes are acknowledged untouched.
 */
@ApplicationScoped
public class AccountsConsumer {

    private final ObjectMapper json;
    private final ProcessOnce processOnce;
    private final AccountHandoffs handoffs;

    public AccountsConsumer(ObjectMapper json, ProcessOnce processOnce, AccountHandoffs handoffs) {
        this.json = json;
        this.processOnce = processOnce;
        this.handoffs = handoffs;
    }

    @Incoming(Channels.ACCOUNTS)
    public Uni<Void> consume(Message<String> message) {
        return IncomingEvent.handle(message, json, List.of(AccountScored.TYPE, AccountStageChanged.TYPE), event -> {
            if (!AccountStageChanged.TYPE.equals(event.type())) {
                return Uni.createFrom().voidItem();
            }
            AccountStageChanged change = event.dataAs(AccountStageChanged.class, json);
            if (change.to() != AccountStage.MQA) {
                return Uni.createFrom().voidItem();
            }
            return processOnce.process(Channels.ACCOUNTS, event.id(), () -> handoffs.offer(event.id(), change));
        });
    }
}
