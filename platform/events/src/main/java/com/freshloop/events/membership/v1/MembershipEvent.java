package com.freshloop.events.membership.v1;

import com.freshloop.events.EventData;

/** Points and tiers published by membership-service; the subject is the user id. */
public sealed interface MembershipEvent extends EventData permits PointsCredited, PointsDebited, TierChanged {}
