package com.freshloop.events.supply.v1;

import java.math.BigDecimal;

/**
 * A return was refunded; the subject is the user id.
 *
 * @param returnId the return
 * @param orderId the order
 * @param amount refunded amount
 */
public record RefundIssued(String returnId, String orderId, BigDecimal amount) implements SupplyEvent {}
