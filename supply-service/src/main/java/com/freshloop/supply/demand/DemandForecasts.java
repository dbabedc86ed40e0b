package com.freshloop.supply.demand;

import com.freshloop.starter.web.BadRequestException;
import com.freshloop.starter.web.NotFoundException;
import com.freshloop.supply.context.RegionContext;
import com.freshloop.supply.forecast.Ensemble;
import com.freshloop.supply.forecast.Forecast;
import com.freshloop.supply.forecast.Forecaster;
import com.freshloop.supply.forecast.Holiday;
import com.freshloop.supply.forecast.HolidayCalendar;
import com.freshloop.supply.forecast.Regressors;
import com.freshloop.supply.forecast.Weather;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Forecasts daily demand with the product forecaster, on demand and for every series nightly, with
 * the region's holidays and weather as regressors (the forecaster keeps those that AICc says carry an
 * effect; none kept is exactly the univariate forecast).
 */
@Service
public class DemandForecasts {

    private static final Logger log = LoggerFactory.getLogger(DemandForecasts.class);
    static final double LEVEL = 0.95;

    private final DemandHistory history;
    private final RegionContext context;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final Forecaster forecaster = Ensemble.product();

    DemandForecasts(
            DemandHistory history, RegionContext context, Clock clock, PlatformTransactionManager transactionManager) {
        this.history = history;
        this.context = context;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Forecasts from today on. Fitted on whole days only: today is still filling up, so the history
     * ends yesterday; a series first sold today has no whole day yet and is not found.
     */
    public DemandForecast forecast(String sku, String region, int horizon) {
        return forecast(sku, region, horizon, List.of(), List.of());
    }

    /**
     * As {@link #forecast(String, String, int)} with supplied values for the forecast days: weather
     * (replacing what is stored for those days: a weather forecast) and extra holidays of the region.
     */
    public DemandForecast forecast(
            String sku, String region, int horizon, List<Weather.Observation> weather, List<Holiday> holidays) {
        LocalDate today = today();
        for (int i = 0; i < weather.size(); i++) {
            requireInHorizon("weather[" + i + "].date", weather.get(i).date(), today, horizon);
        }
        for (int i = 0; i < holidays.size(); i++) {
            requireInHorizon("holidays[" + i + "].date", holidays.get(i).date(), today, horizon);
        }
        LocalDate to = today.plusDays(horizon - 1);
        return forecast(
                sku,
                region,
                horizon,
                context.holidays().and(holidays),
                context.weather(region, LocalDate.EPOCH, to).with(weather));
    }

    private static void requireInHorizon(String field, LocalDate day, LocalDate today, int horizon) {
        if (day.isBefore(today) || !day.isBefore(today.plusDays(horizon))) {
            throw new BadRequestException(
                    field, "must be a forecast day, " + today + " .. " + today.plusDays(horizon - 1));
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    private DemandForecast forecast(String sku, String region, int horizon, HolidayCalendar holidays, Weather weather) {
        LocalDate today = today();
        double[] y = history.daily(sku, region, today.minusDays(1));
        if (y.length == 0) {
            throw new NotFoundException("no demand history for SKU " + sku + " in region " + region);
        }
        LocalDate first = today.minusDays(y.length);
        Regressors x =
                holidays.columns(region, first, y.length + horizon).and(weather.columns(first, y.length, horizon));
        // the model's first step is today (the day after the history ends)
        Forecast f = forecaster.forecast(y, x, horizon, LEVEL);
        List<DemandForecast.Day> days = new ArrayList<>();
        for (int h = 0; h < horizon; h++) {
            days.add(new DemandForecast.Day(today.plusDays(h), f.mean()[h], f.lower()[h], f.upper()[h]));
        }
        return new DemandForecast(sku, region, f.method(), LEVEL, y.length, days);
    }

    /** Nightly: forecasts every series and stores the result (the planners' morning view). */
    @Scheduled(cron = "${freshloop.supply.forecast.nightly-cron:0 30 2 * * *}", zone = "UTC")
    public void nightly() {
        int done = forecastAll(28);
        log.info("nightly forecast: {} series", done);
    }

    public int forecastAll(int horizon) {
        int done = 0;
        LocalDate today = today();
        HolidayCalendar holidays = context.holidays();
        Map<String, Weather> weather = new HashMap<>();
        for (DemandHistory.Series s : history.series()) {
            Weather regionWeather = weather.computeIfAbsent(
                    s.region(), r -> context.weather(r, LocalDate.EPOCH, today.plusDays(horizon - 1)));
            try {
                store(forecast(s.sku(), s.region(), horizon, holidays, regionWeather));
                done++;
            } catch (NotFoundException e) {
                // first sold today: nothing to fit yet
            }
        }
        return done;
    }

    /** Fitting happens outside any transaction; only the replacement of a series' rows is one. */
    void store(DemandForecast forecast) {
        transactions.executeWithoutResult(
                status -> history.replaceForecast(forecast.sku(), forecast.region(), forecast, clock.instant()));
    }

    int storedDays(String sku, String region) {
        return history.storedForecastDays(sku, region);
    }

    List<DemandHistory.Series> series(String region) {
        return history.series(region);
    }
}
