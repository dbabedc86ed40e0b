package com.freshloop.profile.profiles;

import com.freshloop.profile.rfm.RfmModel;
import java.time.Instant;

/** A row of user_profile. */
record StoredProfile(
        String userId,
        Instant firstOrderAt,
        Instant lastOrderAt,
        int orders,
        RfmModel.Scores scores,
        String segment,
        String lifecycle,
        Integer cluster,
        String clusterName,
        String clusterModel) {}
