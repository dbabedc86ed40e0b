package com.freshloop.events.context.v1;

import com.freshloop.events.Checks;
import com.freshloop.events.Violation;
import java.time.LocalDate;
import java.util.List;

/**
 * The weather of a region on a day.
 *
 * @param region region id
 * @param date local date of the observation
 * @param temperatureC mean or current temperature in degrees Celsius
 * @param condition e.g. {@code sunny}, {@code rain}, {@code snow}
 */
public record WeatherObserved(String region, LocalDate date, double temperatureC, String condition)
        implements ContextEvent {
    @Override
    public List<Violation> violations() {
        return Checks.start()
                .notBlank("region", region)
                .notNull("date", date)
                .that(temperatureC > -60 && temperatureC < 60, "temperatureC", "must be between -60 and 60")
                .notBlank("condition", condition)
                .done();
    }
}
