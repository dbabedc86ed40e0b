package com.freshloop.metrics.eventstore.web;

import com.freshloop.metrics.eventstore.EventTypeCount;
import java.util.List;

/**
 * @param types distinct events per type, by type name
 * @param total distinct events over all types
 */
record EventTypeCountsResponse(List<EventTypeCount> types, long total) {

    static EventTypeCountsResponse of(List<EventTypeCount> types) {
        return new EventTypeCountsResponse(
                types, types.stream().mapToLong(EventTypeCount::count).sum());
    }
}
