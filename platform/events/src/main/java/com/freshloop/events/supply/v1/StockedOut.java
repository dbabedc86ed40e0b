package com.freshloop.events.supply.v1;

/**
 * A SKU ran out in a region; the subject is {@code sku:region}.
 *
 * @param sku the product
 * @param region the region
 */
public record StockedOut(String sku, String region) implements SupplyEvent {}
