package com.freshloop.metrics.kpi.web;

import com.freshloop.metrics.kpi.CampaignRecall;
import com.freshloop.metrics.kpi.CouponRedemption;
import com.freshloop.metrics.kpi.Definitions;
import com.freshloop.metrics.kpi.DemandActuals;
import com.freshloop.metrics.kpi.OrderValue;
import com.freshloop.metrics.kpi.Period;
import com.freshloop.metrics.kpi.PushEngagement;
import com.freshloop.metrics.kpi.RepurchaseRate;
import com.freshloop.metrics.kpi.SegmentSizes;
import com.freshloop.metrics.kpi.Slice;
import com.freshloop.metrics.kpi.StockHealth;
import com.freshloop.starter.web.BadRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/admin/v1/metrics")
@Tag(
        name = "Metrics (operators)",
        description = "The repurchase loop's metrics, computed in ClickHouse from every stored event. Periods are"
                + " [from, to) in event time (ISO-8601 instants; default: the last 30 days); groupBy slices them.")
class MetricsController {

    private static final String FROM = "period start, inclusive (ISO-8601 instant); default: 30 days before `to`";
    private static final String TO = "period end, exclusive (ISO-8601 instant); default: now";
    private static final String KEY = "[A-Za-z0-9_.:\\-]{1,100}";

    private final RepurchaseRate repurchaseRate;
    private final OrderValue orderValue;
    private final CouponRedemption couponRedemption;
    private final CampaignRecall campaignRecall;
    private final PushEngagement push;
    private final StockHealth stock;
    private final SegmentSizes segments;
    private final DemandActuals demand;
    private final Clock clock;

    MetricsController(
            RepurchaseRate repurchaseRate,
            OrderValue orderValue,
            CouponRedemption couponRedemption,
            CampaignRecall campaignRecall,
            PushEngagement push,
            StockHealth stock,
            SegmentSizes segments,
            DemandActuals demand,
            Clock clock) {
        this.repurchaseRate = repurchaseRate;
        this.orderValue = orderValue;
        this.couponRedemption = couponRedemption;
        this.campaignRecall = campaignRecall;
        this.push = push;
        this.stock = stock;
        this.segments = segments;
        this.demand = demand;
        this.clock = clock;
    }

    @GetMapping("/definitions")
    @Operation(summary = "How every metric is defined")
    List<Definitions.Definition> definitions() {
        return Definitions.ALL;
    }

    @GetMapping("/repurchase-rate")
    @Operation(summary = "Cohort repurchase rate (30-day by default)", description = Definitions.REPURCHASE_RATE)
    MetricReport<RepurchaseRate.Row> repurchaseRate(
            @Parameter(description = FROM) @RequestParam(required = false) @Nullable Instant from,
            @Parameter(description = TO) @RequestParam(required = false) @Nullable Instant to,
            @Parameter(description = "total, day, week, month, region, segment or cluster")
                    @RequestParam(required = false)
                    @Nullable
                    String groupBy,
            @Parameter(description = "days after the anchor order a repurchase may come")
                    @RequestParam(defaultValue = "30")
                    @Min(1)
                    @Max(180)
                    int windowDays) {
        Period period = RequestPeriods.period(from, to, clock);
        Slice slice = RequestPeriods.slice(groupBy, RepurchaseRate.SLICES);
        return MetricReport.of(
                "repurchase_rate_" + windowDays + "d",
                Definitions.REPURCHASE_RATE,
                period,
                slice.param(),
                repurchaseRate.compute(period, slice, windowDays));
    }

    @GetMapping("/aov")
    @Operation(summary = "Average order value", description = Definitions.AVERAGE_ORDER_VALUE)
    MetricReport<OrderValue.Row> aov(
            @Parameter(description = FROM) @RequestParam(required = false) @Nullable Instant from,
            @Parameter(description = TO) @RequestParam(required = false) @Nullable Instant to,
            @Parameter(description = "total, day, week, month, region, segment, cluster or campaign")
                    @RequestParam(required = false)
                    @Nullable
                    String groupBy) {
        Period period = RequestPeriods.period(from, to, clock);
        Slice slice = RequestPeriods.slice(groupBy, OrderValue.SLICES);
        return MetricReport.of(
                "aov", Definitions.AVERAGE_ORDER_VALUE, period, slice.param(), orderValue.compute(period, slice));
    }

    @GetMapping("/aov/lift")
    @Operation(summary = "AOV lift of a period over a baseline period", description = Definitions.AOV_LIFT)
    OrderValue.Lift aovLift(
            @Parameter(description = FROM) @RequestParam(required = false) @Nullable Instant from,
            @Parameter(description = TO) @RequestParam(required = false) @Nullable Instant to,
            @Parameter(description = "baseline start; default: the period of equal length before `from`")
                    @RequestParam(required = false)
                    @Nullable
                    Instant baselineFrom,
            @Parameter(description = "baseline end; default: `from`") @RequestParam(required = false) @Nullable
                    Instant baselineTo) {
        Period period = RequestPeriods.period(from, to, clock);
        Instant baseEnd = baselineTo != null ? baselineTo : period.from();
        Instant baseStart = baselineFrom != null ? baselineFrom : baseEnd.minus(period.length());
        Period baseline = RequestPeriods.period(baseStart, baseEnd, clock, "baselineFrom", "baselineTo");
        return orderValue.lift(period, baseline);
    }

    @GetMapping("/aov/experiments/{experiment}")
    @Operation(summary = "AOV per variant of a recommendation experiment", description = Definitions.AOV_EXPERIMENT)
    List<OrderValue.Variant> aovByVariant(
            @PathVariable @Pattern(regexp = KEY) String experiment,
            @Parameter(description = FROM) @RequestParam(required = false) @Nullable Instant from,
            @Parameter(description = TO) @RequestParam(required = false) @Nullable Instant to,
            @Parameter(description = "the variant the others are compared with")
                    @RequestParam(defaultValue = "control")
                    @Pattern(regexp = KEY)
                    String control) {
        return orderValue.experiment(experiment, control, RequestPeriods.period(from, to, clock));
    }

    @GetMapping("/coupon-redemption")
    @Operation(summary = "Coupon redemption rate", description = Definitions.COUPON_REDEMPTION_RATE)
    MetricReport<CouponRedemption.Row> couponRedemption(
            @Parameter(description = FROM) @RequestParam(required = false) @Nullable Instant from,
            @Parameter(description = TO) @RequestParam(required = false) @Nullable Instant to,
            @Parameter(description = "total, day, week, month, campaign, kind, segment or cluster")
                    @RequestParam(required = false)
                    @Nullable
                    String groupBy) {
        Period period = RequestPeriods.period(from, to, clock);
        Slice slice = RequestPeriods.slice(groupBy, CouponRedemption.SLICES);
        return MetricReport.of(
                "coupon_redemption_rate",
                Definitions.COUPON_REDEMPTION_RATE,
                period,
                slice.param(),
                couponRedemption.compute(period, slice));
    }

    @GetMapping("/campaign-recall")
    @Operation(
            summary = "Campaign recall rate, treatment against control",
            description = Definitions.CAMPAIGN_RECALL_RATE)
    MetricReport<CampaignRecall.Row> campaignRecall(
            @Parameter(description = FROM) @RequestParam(required = false) @Nullable Instant from,
            @Parameter(description = TO) @RequestParam(required = false) @Nullable Instant to,
            @Parameter(description = "one campaign id; default: every campaign with members in the period")
                    @RequestParam(required = false)
                    @Nullable
                    @Pattern(regexp = KEY)
                    String campaign,
            @Parameter(description = "days after assignment an order counts as recalled")
                    @RequestParam(defaultValue = "14")
                    @Min(1)
                    @Max(90)
                    int days) {
        Period period = RequestPeriods.period(from, to, clock);
        return MetricReport.of(
                "campaign_recall_rate",
                Definitions.CAMPAIGN_RECALL_RATE,
                period,
                "campaign",
                campaignRecall.compute(period, campaign, days));
    }

    @GetMapping("/push")
    @Operation(
            summary = "Push open and conversion rates",
            description = Definitions.PUSH_OPEN_RATE + " " + Definitions.PUSH_CONVERSION_RATE)
    MetricReport<PushEngagement.Row> push(
            @Parameter(description = FROM) @RequestParam(required = false) @Nullable Instant from,
            @Parameter(description = TO) @RequestParam(required = false) @Nullable Instant to,
            @Parameter(description = "total, day, week, month, campaign or kind")
                    @RequestParam(required = false)
                    @Nullable
                    String groupBy,
            @Parameter(description = "app_push, sms or all")
                    @RequestParam(defaultValue = "app_push")
                    @Pattern(regexp = "app_push|sms|all")
                    String channel,
            @Parameter(description = "hours after sending an order counts as a conversion")
                    @RequestParam(defaultValue = "24")
                    @Min(1)
                    @Max(720)
                    int windowHours) {
        Period period = RequestPeriods.period(from, to, clock);
        Slice slice = RequestPeriods.slice(groupBy, PushEngagement.SLICES);
        return MetricReport.of(
                "push_engagement",
                Definitions.PUSH_OPEN_RATE + " " + Definitions.PUSH_CONVERSION_RATE,
                period,
                slice.param(),
                push.compute(period, slice, "all".equals(channel) ? null : channel, windowHours));
    }

    @GetMapping("/stockout-rate")
    @Operation(summary = "Stock-out rate", description = Definitions.STOCKOUT_RATE)
    MetricReport<StockHealth.StockoutRow> stockoutRate(
            @Parameter(description = FROM) @RequestParam(required = false) @Nullable Instant from,
            @Parameter(description = TO) @RequestParam(required = false) @Nullable Instant to,
            @Parameter(description = "total, day, week, month or region") @RequestParam(required = false) @Nullable
                    String groupBy) {
        Period period = RequestPeriods.period(from, to, clock);
        Slice slice = RequestPeriods.slice(groupBy, StockHealth.SLICES);
        return MetricReport.of(
                "stockout_rate", Definitions.STOCKOUT_RATE, period, slice.param(), stock.stockouts(period, slice));
    }

    @GetMapping("/spoilage-rate")
    @Operation(summary = "Spoilage rate", description = Definitions.SPOILAGE_RATE)
    MetricReport<StockHealth.SpoilageRow> spoilageRate(
            @Parameter(description = FROM) @RequestParam(required = false) @Nullable Instant from,
            @Parameter(description = TO) @RequestParam(required = false) @Nullable Instant to,
            @Parameter(description = "total, day, week, month or region") @RequestParam(required = false) @Nullable
                    String groupBy) {
        Period period = RequestPeriods.period(from, to, clock);
        Slice slice = RequestPeriods.slice(groupBy, StockHealth.SLICES);
        return MetricReport.of(
                "spoilage_rate", Definitions.SPOILAGE_RATE, period, slice.param(), stock.spoilage(period, slice));
    }

    @GetMapping("/segments")
    @Operation(summary = "Users per segment or cluster", description = Definitions.SEGMENT_SIZES)
    List<SegmentSizes.Row> segments(
            @Parameter(description = "segment or cluster") @RequestParam(defaultValue = "segment") String kind,
            @Parameter(description = "the instant the sizes hold at; default: now")
                    @RequestParam(required = false)
                    @Nullable
                    Instant at) {
        Slice slice = RequestPeriods.slice(kind, EnumSet.of(Slice.SEGMENT, Slice.CLUSTER), "kind");
        Instant when = at != null ? at : clock.instant();
        if (when.getEpochSecond() <= 0 || when.getEpochSecond() > 0xFFFF_FFFFL) {
            throw new BadRequestException("at", "must be between 1970 and 2106");
        }
        return segments.sizes(slice, when);
    }

    @GetMapping("/forecast-vs-actual")
    @Operation(summary = "Units sold per day beside the demand forecast", description = Definitions.DEMAND_ACTUALS)
    DemandActuals.Report forecastVsActual(
            @Parameter(description = FROM) @RequestParam(required = false) @Nullable Instant from,
            @Parameter(description = TO) @RequestParam(required = false) @Nullable Instant to,
            @Parameter(description = "one SKU; default: every SKU")
                    @RequestParam(required = false)
                    @Nullable
                    @Size(max = 64)
                    String sku,
            @Parameter(description = "one region; default: every region")
                    @RequestParam(required = false)
                    @Nullable
                    @Size(max = 64)
                    String region) {
        return demand.compute(RequestPeriods.period(from, to, clock), blankToNull(sku), blankToNull(region));
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
