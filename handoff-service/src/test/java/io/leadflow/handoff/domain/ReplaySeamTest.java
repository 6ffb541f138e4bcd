package io.leadflow.handoff.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Not a @QuarkusTest: the seam is plain Java, events here are just their positions. */
class ReplaySeamTest {

    private final ReplaySeam<Long> seam = new ReplaySeam<>(position -> position, 3);

    @Test
    void liveEventsWaitForTheReplayAndThoseItCoveredAreDropped() {
        List<Long> sent = new ArrayList<>();
        // Given live events 5 and 6 arriving while the replay sends 4 and 5
        sent.addAll(seam.live(5L));
        sent.addAll(seam.replayed(4L));
        sent.addAll(seam.live(6L));
        sent.addAll(seam.replayed(5L));
        assertThat(sent).as("nothing live before the replay ends").containsExactly(4L, 5L);

        // When the replay ends having covered up to 5
        sent.addAll(seam.replayEnded(5));

        // Then 6 follows once, and later live events go straight through
        sent.addAll(seam.live(7L));
        assertThat(sent).containsExactly(4L, 5L, 6L, 7L);
    }

    @Test
    void anEventTheReplayCoveredButDidNotSendIsNotSentLive() {
        // Given a live event the replay's horizon covers (the client had it, or it was not for it)
        seam.live(8L);

        // When the replay ends past it, then it is dropped, and so is a late repeat of it
        assertThat(seam.replayEnded(9)).isEmpty();
        assertThat(seam.live(9L)).isEmpty();
        assertThat(seam.live(10L)).containsExactly(10L);
    }

    @Test
    void aReplayTooSlowForTheLiveEventsEndsTheStream() {
        seam.live(1L);
        seam.live(2L);
        seam.live(3L);

        assertThatThrownBy(() -> seam.live(4L)).isInstanceOf(IllegalStateException.class).hasMessageContaining("too far behind");
    }
}
