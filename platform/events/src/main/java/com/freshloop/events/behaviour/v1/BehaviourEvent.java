package com.freshloop.events.behaviour.v1;

import com.freshloop.events.EventData;

/** What a shopper did in the app, sent through the gateway's collector; the subject is the user id. */
public sealed interface BehaviourEvent extends EventData
        permits PageViewed,
                SearchPerformed,
                CartItemAdded,
                CartItemRemoved,
                OrderPlaced,
                OrderDelivered,
                ReviewPosted,
                CsMessage,
                ReturnRequested,
                CheckinDone,
                ShareClicked {}
