package com.freshloop.supply.demand;

import com.freshloop.starter.web.NotFoundException;
import com.freshloop.supply.forecast.Ensemble;
import com.freshloop.supply.forecast.Forecast;
import com.freshloop.supply.forecast.Forecaster;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Forecasts daily demand with the product forecaster, on demand and for every series nightly. */
@Service
public class DemandForecasts {

    private static final Logger log = LoggerFactory.getLogger(DemandForecasts.class);
    static final double LEVEL = 0.95;

    private final DemandHistory history;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final Forecaster forecaster = Ensemble.product();

    DemandForecasts(DemandHistory history, Clock clock, PlatformTransactionManager transactionManager) {
        this.history = history;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Forecasts from today on. Fitted on whole days only: today is still filling up, so the history
     * ends yesterday; a series first sold today has no whole day yet and is not found.
     */
    public DemandForecast forecast(String sku, String region, int horizon) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        double[] y = history.daily(sku, region, today.minusDays(1));
        if (y.length == 0) {
            throw new NotFoundException("no demand history for SKU " + sku + " in region " + region);
        }
        // the model's first step is today (the day after the history ends)
        Forecast f = forecaster.forecast(y, horizon, LEVEL);
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
        for (DemandHistory.Series s : history.series()) {
            try {
                store(forecast(s.sku(), s.region(), horizon));
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
