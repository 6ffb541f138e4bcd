package io.leadflow.capture.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AllAcknowledgedTest {

    @Test
    void theRequestIsDoneOnlyOnceTheBrokerAcknowledgedEveryEvent() {
        // Given a request of three events
        AllAcknowledged acknowledged = new AllAcknowledged(3);

        // When two are acknowledged, Then it is not done; When the third is, Then it is
        acknowledged.ack();
        acknowledged.ack();
        assertThat(acknowledged.future()).isNotDone();
        acknowledged.ack();
        assertThat(acknowledged.future()).isCompleted();
    }

    @Test
    void oneRefusedEventFailsTheRequestWhateverTheOthersBecome() {
        // Given a request of two events
        AllAcknowledged acknowledged = new AllAcknowledged(2);

        // When the broker refuses one and acknowledges the other
        acknowledged.nack(new IllegalStateException("not enough replicas"));
        acknowledged.ack();

        // Then the request has failed with the refusal
        assertThat(acknowledged.future()).isCompletedExceptionally();
        assertThat(acknowledged.future().exceptionNow()).hasMessage("not enough replicas");
    }
}
