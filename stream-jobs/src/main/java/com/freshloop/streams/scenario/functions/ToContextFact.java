package com.freshloop.streams.scenario.functions;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.context.v1.HolidayDeclared;
import com.freshloop.events.context.v1.WeatherObserved;
import com.freshloop.streams.scenario.records.ContextFact;
import com.freshloop.streams.scenario.records.ContextFact.Kind;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/** Weather observations and holidays from the context topic; anything else there is skipped. */
public final class ToContextFact implements FlatMapFunction<EventEnvelope<EventData>, ContextFact> {

    private static final long serialVersionUID = 1L;

    @Override
    public void flatMap(EventEnvelope<EventData> event, Collector<ContextFact> out) {
        String id = event.id().toString();
        long time = event.time().toEpochMilli();
        if (event.data() instanceof WeatherObserved weather && weather.region() != null && weather.date() != null) {
            out.collect(new ContextFact(
                    weather.region(),
                    Kind.WEATHER,
                    weather.date().toEpochDay(),
                    weather.temperatureC(),
                    weather.condition(),
                    id,
                    time));
        } else if (event.data() instanceof HolidayDeclared holiday
                && holiday.region() != null
                && holiday.date() != null) {
            out.collect(new ContextFact(
                    holiday.region(), Kind.HOLIDAY, holiday.date().toEpochDay(), 0, holiday.name(), id, time));
        }
    }
}
