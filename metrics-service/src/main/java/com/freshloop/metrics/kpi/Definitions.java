package com.freshloop.metrics.kpi;

import java.util.List;

/**
 * The written definition of every metric, in one place: the OpenAPI descriptions, the definitions
 * endpoint and the dashboard's tooltips use these texts, and the README repeats them.
 */
public final class Definitions {

    public static final String REPURCHASE_RATE =
            "30-day repurchase rate (cohort based). The cohort of a period P is every user with at least one"
                    + " order.placed in P; the user's anchor is their first order in P. A cohort user repurchased if"
                    + " they placed another order (a different event id) at most windowDays (default 30) days after"
                    + " the anchor; rate = repurchasers / cohort users. Sliced by day/week/month, P is each bucket"
                    + " (a user who orders on two days is in both days' cohorts). A cohort is complete once its"
                    + " last anchor's window has passed; rates of incomplete cohorts can still rise.";

    public static final String AVERAGE_ORDER_VALUE =
            "Average order value (AOV) = sum of order.placed data.total (amount paid, after discounts) / number"
                    + " of distinct orders placed in the period. By campaign: an order belongs to the campaign of the"
                    + " coupon redeemed on it (coupon.redeemed data.orderId, data.campaignId); orders without one are"
                    + " unknown.";

    public static final String AOV_LIFT =
            "AOV lift = AOV(current) / AOV(baseline) - 1, with the two-sided p-value of Welch's t-test on the"
                    + " order totals.";

    public static final String AOV_EXPERIMENT =
            "AOV per experiment variant: a user's variant is the variant of their first recommendation.exposed"
                    + " or recommendation.clicked event of the experiment; their orders placed in the period at or"
                    + " after that first exposure count for the variant. Lift = AOV(variant) / AOV(control) - 1, with"
                    + " Welch's t-test p-value.";

    public static final String COUPON_REDEMPTION_RATE =
            "Coupon redemption rate = coupons issued in the period (distinct coupon.issued data.couponId) that"
                    + " have a coupon.redeemed event by the time of the query / coupons issued in the period. A coupon"
                    + " restored after a return still counts as redeemed.";

    public static final String CAMPAIGN_RECALL_RATE =
            "Campaign recall rate against its control group. Membership: a campaign.assigned event (data.campaignId,"
                    + " data.arm = treatment or control) puts the user in that arm; without one, a coupon.issued or"
                    + " message.sent carrying the campaignId puts the user in treatment. The user's assignment time is"
                    + " their first such event in the period. A member is recalled if they place an order within"
                    + " days (default 14) after assignment. Recall rate = recalled / members per group; lift ="
                    + " treatment rate - control rate (percentage points), with the two-proportion z-test p-value.";

    public static final String PUSH_OPEN_RATE =
            "Push open rate = sent messages (message.sent of the channel, default app_push) with a message.opened"
                    + " event of the same data.messageId / sent messages.";

    public static final String PUSH_CONVERSION_RATE =
            "Push conversion rate = sent messages after which the recipient placed an order within windowHours"
                    + " (default 24) / sent messages.";

    public static final String STOCKOUT_RATE =
            "Stock-out rate = out-of-stock time / tracked time. A SKU x region is out of stock from a stock.out"
                    + " until its next stock.replenished; tracked items are those with any stock event before the"
                    + " bucket ends, each tracked for the whole bucket.";

    public static final String SPOILAGE_RATE =
            "Spoilage rate = units written off as spoiled (stock.spoiled data.quantity) / units received"
                    + " (stock.replenished data.quantityAdded) in the same period and region.";

    public static final String SEGMENT_SIZES =
            "Segment sizes = users per their latest profile.segment_changed (or profile.cluster_assigned) at the"
                    + " given instant.";

    public static final String DEMAND_ACTUALS =
            "Forecast vs actual: actual = units sold per UTC day (sum of order.placed line quantities, optionally"
                    + " for one SKU and region); forecast = the latest demand.forecasted quantity for that day.";

    public static final String ATTRIBUTION =
            "Attribution of repurchases (orders of a user who ordered before) to the touchpoints the user had in"
                    + " the lookbackDays before the order: coupon (coupon.issued), push / sms (message.sent by"
                    + " channel), recommendation (recommendation.clicked), membership_perk (points.credited other"
                    + " than for an order, tier.changed). Shapley: exact Shapley values of the game v(S) = repurchases"
                    + " whose touchpoint set is a subset of S (Zhao et al. 2018); last touch: each repurchase to the"
                    + " latest touchpoint. Repurchases without touchpoints are organic.";

    /**
     * A metric's name and definition.
     *
     * @param name the name alert rules and reports use
     * @param definition how it is computed
     */
    public record Definition(String name, String definition) {}

    public static final List<Definition> ALL = List.of(
            new Definition("repurchase_rate_30d", REPURCHASE_RATE),
            new Definition("aov", AVERAGE_ORDER_VALUE),
            new Definition("aov_lift", AOV_LIFT),
            new Definition("aov_experiment", AOV_EXPERIMENT),
            new Definition("coupon_redemption_rate", COUPON_REDEMPTION_RATE),
            new Definition("campaign_recall_rate", CAMPAIGN_RECALL_RATE),
            new Definition("push_open_rate", PUSH_OPEN_RATE),
            new Definition("push_conversion_rate", PUSH_CONVERSION_RATE),
            new Definition("stockout_rate", STOCKOUT_RATE),
            new Definition("spoilage_rate", SPOILAGE_RATE),
            new Definition("segment_sizes", SEGMENT_SIZES),
            new Definition("forecast_vs_actual", DEMAND_ACTUALS),
            new Definition("attribution", ATTRIBUTION));

    private Definitions() {}
}
