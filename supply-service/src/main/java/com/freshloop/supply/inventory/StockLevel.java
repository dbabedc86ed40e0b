package com.freshloop.supply.inventory;

/** Units of a SKU on hand in a region. */
public record StockLevel(String sku, String region, int onHand) {

    public boolean available() {
        return onHand > 0;
    }

    /** The subject of the SKU's stock events: {@code sku:region}. */
    String subject() {
        return sku + ":" + region;
    }
}
