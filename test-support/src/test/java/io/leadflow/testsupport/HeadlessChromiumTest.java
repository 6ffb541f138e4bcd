package io.leadflow.testsupport;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class HeadlessChromiumTest {

    @Test
    void aMissingBrowserFailsTheTestSayingWhichPackagesToInstall() {
        assertThatThrownBy(() -> HeadlessChromium.requireInstalled(false, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("apt-get install chromium chromium-driver")
                .hasMessageContaining("-Dleadflow.browser-tests=skip");
    }

    @Test
    void onlyTheExplicitOptOutTurnsAMissingBrowserIntoASkip() {
        assertThatThrownBy(() -> HeadlessChromium.requireInstalled(false, "skip"))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("apt-get install chromium chromium-driver");
        assertThatThrownBy(() -> HeadlessChromium.requireInstalled(false, "true")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anInstalledBrowserPassesWhateverTheOptOutSays() {
        assertThatCode(() -> HeadlessChromium.requireInstalled(true, null)).doesNotThrowAnyException();
        assertThatCode(() -> HeadlessChromium.requireInstalled(true, "skip")).doesNotThrowAnyException();
    }
}
