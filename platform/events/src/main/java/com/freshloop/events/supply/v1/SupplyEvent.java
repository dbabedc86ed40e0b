package com.freshloop.events.supply.v1;

import com.freshloop.events.EventData;

/** Inventory, fulfilment and returns facts published by supply-service. */
public sealed interface SupplyEvent extends EventData
        permits StockReplenished, StockedOut, DeliveryLate, RefundIssued {}
