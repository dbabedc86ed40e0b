package com.freshloop.deployment.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KustomizeTests {

    @Test
    void withoutKubectlRenderingFailsSayingWhatToInstall() {
        assertThatThrownBy(() -> Kustomize.render(Path.of("k8s/overlays/dev"), Optional.empty()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("kubectl not found: install kubectl")
                .hasMessageContaining("$KUBECTL");
    }

    @Test
    void kubectlIsFoundOnThisMachine() {
        assertThat(Kustomize.kubectl())
                .as("kubectl is needed to validate k8s/ (the *IT tests render every overlay with it)")
                .isPresent();
    }
}
