package com.freshloop.events.streams.v1;

import com.freshloop.events.EventData;

/** Real-time tags and signals computed by the Flink jobs; the subject is the user id. */
public sealed interface StreamEvent extends EventData permits TagAssigned, TagRevoked, CartAbandoned, RepurchaseDue {}
