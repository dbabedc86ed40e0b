package com.freshloop.events.context.v1;

import com.freshloop.events.Checks;
import com.freshloop.events.Violation;
import java.time.LocalDate;
import java.util.List;

/**
 * A public holiday or shopping festival in a region.
 *
 * @param region region id, or {@code *} for all regions
 * @param date the day
 * @param name e.g. {@code Spring Festival}
 */
public record HolidayDeclared(String region, LocalDate date, String name) implements ContextEvent {
    @Override
    public List<Violation> violations() {
        return Checks.start()
                .notBlank("region", region)
                .notNull("date", date)
                .notBlank("name", name)
                .done();
    }
}
