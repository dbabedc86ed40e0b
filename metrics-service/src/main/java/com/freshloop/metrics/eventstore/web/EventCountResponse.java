package com.freshloop.metrics.eventstore.web;

/** @param count distinct events (by event id) that match */
record EventCountResponse(long count) {}
