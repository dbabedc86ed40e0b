package com.freshloop.metrics.eventstore.web;

import com.freshloop.metrics.eventstore.EventFilter;
import com.freshloop.metrics.eventstore.EventStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/admin/v1/metrics/events")
@Tag(name = "Events (operators)", description = "Counts over every event the platform has seen")
class EventCountsController {

    private final EventStore store;

    EventCountsController(EventStore store) {
        this.store = store;
    }

    @GetMapping("/count")
    @Operation(
            summary = "Count distinct events",
            description = "Every filter is optional; redelivered events count once.")
    EventCountResponse count(
            @Parameter(description = "event type, e.g. order.placed")
                    @RequestParam(required = false)
                    @Size(max = 200)
                    @Nullable
                    String type,
            @Parameter(description = "what the events are about, e.g. a user id")
                    @RequestParam(required = false)
                    @Size(max = 200)
                    @Nullable
                    String subject,
            @Parameter(description = "event time from, inclusive (ISO-8601 instant)")
                    @RequestParam(required = false)
                    @Nullable
                    Instant from,
            @Parameter(description = "event time to, exclusive (ISO-8601 instant)")
                    @RequestParam(required = false)
                    @Nullable
                    Instant to) {
        TimeRange.check(from, to);
        return new EventCountResponse(
                store.count(new EventFilter(TimeRange.blankToNull(type), TimeRange.blankToNull(subject), from, to)));
    }

    @GetMapping("/types")
    @Operation(summary = "Count distinct events per type")
    EventTypeCountsResponse types(
            @Parameter(description = "event time from, inclusive (ISO-8601 instant)")
                    @RequestParam(required = false)
                    @Nullable
                    Instant from,
            @Parameter(description = "event time to, exclusive (ISO-8601 instant)")
                    @RequestParam(required = false)
                    @Nullable
                    Instant to) {
        TimeRange.check(from, to);
        return EventTypeCountsResponse.of(store.countByType(new EventFilter(null, null, from, to)));
    }
}
