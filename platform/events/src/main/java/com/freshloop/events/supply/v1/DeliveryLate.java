package com.freshloop.events.supply.v1;

/**
 * An order arrived after its promise; the subject is the user id.
 *
 * @param orderId the order
 * @param minutesLate how late
 * @param compensationPoints points the shopper is owed
 */
public record DeliveryLate(String orderId, long minutesLate, long compensationPoints) implements SupplyEvent {}
