package com.freshloop.membership.member;

/** The ledger entry of a credit or spend, and whether this request created it or repeated an earlier one. */
public record Posting(LedgerEntry entry, boolean created) {}
