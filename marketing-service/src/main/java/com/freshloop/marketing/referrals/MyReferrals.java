package com.freshloop.marketing.referrals;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A shopper's referral code (none until asked for), the users they referred and the points earned. */
public record MyReferrals(String userId, @Nullable String code, long pointsEarned, List<Referral> referrals) {}
