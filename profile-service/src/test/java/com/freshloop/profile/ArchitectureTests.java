package com.freshloop.profile;

import com.freshloop.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTests {

    @Test
    void featuresStayApartWebAndKafkaStayAtTheEdges() {
        ArchitectureRules.verify(ProfileApplication.class);
    }
}
