/**
 * Group-buy: a leader opens a team for an offer, shoppers join, and when the team reaches its size within the
 * window the leader gets the offer's coupon; an expired team releases its members.
 */
@NullMarked
package com.freshloop.marketing.groupbuy;

import org.jspecify.annotations.NullMarked;
