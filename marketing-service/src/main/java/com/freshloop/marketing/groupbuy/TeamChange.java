package com.freshloop.marketing.groupbuy;

/** A team after opening or joining it; {@code created} is false when the call repeated an earlier one. */
public record TeamChange(Team team, boolean created) {}
