package com.freshloop.marketing.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReferralsTests {

    @Test
    void maskedIdsKeepOnlyTheirEnds() {
        assertThat(Referrals.mask("new-12345678")).isEqualTo("ne********78");
        assertThat(Referrals.mask("abcd")).isEqualTo("****");
        assertThat(Referrals.mask("ab")).isEqualTo("**");
    }

    @Test
    void codesAreEightUnambiguousCharacters() {
        Referrals referrals = new Referrals(null, null, null, null, 100);
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String code = referrals.newCode();
            assertThat(code).matches("[2-9A-HJKMNP-Z]{8}");
            codes.add(code);
        }
        assertThat(codes).hasSizeGreaterThan(990);
    }
}
