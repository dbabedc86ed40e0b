package com.freshloop.supply.demand;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Service levels and replenishment lead times. Staples (eggs, milk, ...) get a higher service level
 * and a faster (24 h) replenishment than the default.
 */
@ConfigurationProperties("freshloop.supply.replenishment")
public record ReplenishmentProperties(
        Double serviceLevel,
        Integer leadTimeHours,
        Double stapleServiceLevel,
        Integer stapleLeadTimeHours,
        Integer reviewPeriodDays,
        List<String> staples) {

    public ReplenishmentProperties {
        serviceLevel = serviceLevel == null ? 0.95 : serviceLevel;
        leadTimeHours = leadTimeHours == null ? 48 : leadTimeHours;
        stapleServiceLevel = stapleServiceLevel == null ? 0.98 : stapleServiceLevel;
        stapleLeadTimeHours = stapleLeadTimeHours == null ? 24 : stapleLeadTimeHours;
        reviewPeriodDays = reviewPeriodDays == null ? 1 : reviewPeriodDays;
        staples = staples == null ? List.of() : List.copyOf(staples);
    }

    boolean staple(String sku) {
        String s = sku.toLowerCase(java.util.Locale.ROOT);
        return staples.stream().anyMatch(p -> s.contains(p.toLowerCase(java.util.Locale.ROOT)));
    }
}
