package com.freshloop.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OptionsTests {

    final Path root = Path.of("/repo");

    @Test
    void eachRunReplaysNewShoppersUnlessACohortIsNamed() {
        Options options = Options.parse(new String[] {"--members", "5"}, root);
        assertThat(options.cohort()).matches("g[0-9a-z]+-").isNotEqualTo(Basket.DEFAULT_COHORT);
        assertThat(Options.parse(new String[] {"--cohort", "demo1-"}, root).cohort())
                .isEqualTo("demo1-");
    }

    @Test
    void aCohortThatCannotPrefixAUserIdIsRefused() {
        assertThatThrownBy(() -> Options.parse(new String[] {"--cohort", "no spaces"}, root))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--cohort");
        assertThatThrownBy(() -> Options.parse(new String[] {"--cohort", "x".repeat(21)}, root))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
