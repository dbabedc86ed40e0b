/**
 * The shopper simulator (issue 12): replays real grocery baskets, or synthetic shoppers calibrated on them, as
 * SIMULATED shoppers calling the gateway like the app, then lets the win-back campaign act and reports its
 * effect. The module also holds the end-to-end tests of the loop ({@code *E2E}, profile {@code e2e}).
 */
package com.freshloop.simulator;
