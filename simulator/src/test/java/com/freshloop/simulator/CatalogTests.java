package com.freshloop.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CatalogTests {

    @Test
    void mapsItemNamesToCategoriesByTheDocumentedKeywordRules() {
        assertThat(Catalog.category("whole milk")).isEqualTo("dairy");
        assertThat(Catalog.category("domestic eggs")).isEqualTo("eggs");
        assertThat(Catalog.category("root vegetables")).isEqualTo("vegetables");
        assertThat(Catalog.category("tropical fruit")).isEqualTo("fruit");
        assertThat(Catalog.category("fruit/vegetable juice")).isEqualTo("drinks");
        assertThat(Catalog.category("frozen fish")).isEqualTo("seafood");
        assertThat(Catalog.category("hamburger meat")).isEqualTo("meat");
        assertThat(Catalog.category("rolls/buns")).isEqualTo("bakery");
        assertThat(Catalog.category("bottled water")).isEqualTo("drinks");
        assertThat(Catalog.category("steak sauce")).isEqualTo("grocery");
        assertThat(Catalog.category("shopping bags")).isEqualTo("grocery");
    }

    @Test
    void skusAreSlugsOfTheName() {
        assertThat(Catalog.sku("rolls/buns")).isEqualTo("rolls-buns");
        assertThat(Catalog.sku("UHT-milk")).isEqualTo("uht-milk");
        assertThat(Catalog.sku("whipped/sour cream")).isEqualTo("whipped-sour-cream");
        assertThat(Catalog.sku("liquor (appetizer)")).isEqualTo("liquor-appetizer");
    }

    @Test
    void pricesAreDeterministicPositiveAndNearTheCategoryBase() {
        BigDecimal milk = Catalog.unitPrice("whole milk");
        assertThat(Catalog.unitPrice("whole milk")).isEqualTo(milk);
        assertThat(milk).isBetween(new BigDecimal("6.3"), new BigDecimal("11.7"));
        assertThat(Catalog.unitPrice("beef")).isGreaterThan(milk);
    }

    @Test
    void regionsAndOrderIdsAreDeterministic() {
        assertThat(ShopperEvents.region("g-1808"))
                .isEqualTo(ShopperEvents.region("g-1808"))
                .isIn(ShopperEvents.REGIONS);
        assertThat(ShopperEvents.orderId("g-1808", java.time.LocalDate.of(2015, 7, 21)))
                .isEqualTo("sim-g-1808-2015-07-21");
    }
}
