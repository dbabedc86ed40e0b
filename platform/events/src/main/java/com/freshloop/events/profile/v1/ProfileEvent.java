package com.freshloop.events.profile.v1;

import com.freshloop.events.EventData;

/** Changes of a user's profile published by profile-service; the subject is the user id. */
public sealed interface ProfileEvent extends EventData permits SegmentChanged, LifecycleStageChanged, ClusterAssigned {}
