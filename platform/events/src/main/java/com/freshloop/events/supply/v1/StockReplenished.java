package com.freshloop.events.supply.v1;

/**
 * Stock of a SKU in a region was replenished; the subject is {@code sku:region}.
 *
 * @param sku the product
 * @param region the region
 * @param quantityAdded units received
 * @param onHand units on hand afterwards
 * @param wasOutOfStock whether the SKU was out of stock before
 */
public record StockReplenished(String sku, String region, int quantityAdded, int onHand, boolean wasOutOfStock)
        implements SupplyEvent {}
