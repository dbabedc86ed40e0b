package com.freshloop.metrics.eventstore.web;

import com.freshloop.metrics.eventstore.EventFilter;
import com.freshloop.metrics.eventstore.EventStore;
import com.freshloop.starter.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "My activity (shoppers)", description = "The caller's own events")
class MyActivityController {

    private final EventStore store;

    MyActivityController(EventStore store) {
        this.store = store;
    }

    @GetMapping("/api/v1/metrics/me/activity")
    @Operation(
            summary = "The caller's events per type",
            description = "The subject is the caller's user id from the token.")
    EventTypeCountsResponse activity() {
        return EventTypeCountsResponse.of(store.countByType(EventFilter.subject(CurrentUser.id())));
    }
}
