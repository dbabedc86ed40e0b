package com.freshloop.marketing.coupons;

/** One line of a redeeming order, kept so a whole-order return can be recognised. */
public record OrderLine(String sku, int quantity) {}
