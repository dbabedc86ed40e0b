/**
 * The shopper simulator: replays real grocery baskets as simulated shoppers calling the gateway
 * (issue 12). For now this module holds the end-to-end tests of the loop.
 */
package com.freshloop.simulator;
