package com.freshloop.supply.demand;

import com.freshloop.starter.web.NotFoundException;
import com.freshloop.supply.forecast.Forecaster;
import com.freshloop.supply.inventory.Inventory;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Safety stock, reorder point and order suggestion per SKU and region from the demand forecast:
 * safety stock = z(service level) x sigma of demand over the lead time (daily forecast errors taken
 * as independent, sigma read off the forecast's 95 % interval); reorder point = expected lead-time
 * demand + safety stock; when on hand is at or below it, order up to the reorder point plus the
 * expected demand of one review period.
 */
@Service
public class Replenishment {

    /** A planner's view of one SKU in one region. */
    public record Suggestion(
            String sku,
            String region,
            boolean staple,
            double serviceLevel,
            int leadTimeHours,
            double expectedLeadTimeDemand,
            double safetyStock,
            double reorderPoint,
            int onHand,
            int suggestedOrder,
            String method) {}

    private final DemandForecasts forecasts;
    private final Inventory inventory;
    private final ReplenishmentProperties properties;

    Replenishment(DemandForecasts forecasts, Inventory inventory, ReplenishmentProperties properties) {
        this.forecasts = forecasts;
        this.inventory = inventory;
        this.properties = properties;
    }

    public Suggestion suggest(String sku, String region) {
        boolean staple = properties.staple(sku);
        double serviceLevel = staple ? properties.stapleServiceLevel() : properties.serviceLevel();
        int leadTimeHours = staple ? properties.stapleLeadTimeHours() : properties.leadTimeHours();
        int leadDays = Math.max(1, (int) Math.ceil(leadTimeHours / 24.0));
        int review = properties.reviewPeriodDays();
        DemandForecast forecast = forecasts.forecast(sku, region, leadDays + review);
        double z95 = Forecaster.z(DemandForecasts.LEVEL);
        double leadDemand = 0;
        double variance = 0;
        for (int h = 0; h < leadDays; h++) {
            DemandForecast.Day d = forecast.days().get(h);
            leadDemand += d.mean();
            double sd = (d.upper() - d.mean()) / z95;
            variance += sd * sd;
        }
        double reviewDemand = 0;
        for (int h = leadDays; h < leadDays + review; h++) {
            reviewDemand += forecast.days().get(h).mean();
        }
        double safetyStock = oneSidedZ(serviceLevel) * Math.sqrt(variance);
        double reorderPoint = leadDemand + safetyStock;
        int onHand = onHand(sku, region);
        int order = onHand <= reorderPoint ? (int) Math.ceil(reorderPoint + reviewDemand - onHand) : 0;
        return new Suggestion(
                sku,
                region,
                staple,
                serviceLevel,
                leadTimeHours,
                leadDemand,
                safetyStock,
                reorderPoint,
                onHand,
                Math.max(0, order),
                forecast.method());
    }

    /** Every SKU sold in the region, those to order first. */
    public List<Suggestion> suggest(String region) {
        List<Suggestion> all = new ArrayList<>();
        for (DemandHistory.Series s : forecasts.series(region)) {
            try {
                all.add(suggest(s.sku(), s.region()));
            } catch (NotFoundException e) {
                // no whole day of history yet
            }
        }
        all.sort(java.util.Comparator.comparingInt(Suggestion::suggestedOrder)
                .reversed()
                .thenComparing(Suggestion::sku));
        return all;
    }

    static double oneSidedZ(double serviceLevel) {
        return new org.apache.commons.math3.distribution.NormalDistribution()
                .inverseCumulativeProbability(serviceLevel);
    }

    private int onHand(String sku, String region) {
        try {
            return inventory.availability(sku, region).onHand();
        } catch (NotFoundException e) {
            return 0;
        }
    }
}
