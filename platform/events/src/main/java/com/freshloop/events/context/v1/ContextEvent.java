package com.freshloop.events.context.v1;

import com.freshloop.events.EventData;

/** External context per region, fed by operators; the subject is the region. */
public sealed interface ContextEvent extends EventData permits WeatherObserved, HolidayDeclared {}
