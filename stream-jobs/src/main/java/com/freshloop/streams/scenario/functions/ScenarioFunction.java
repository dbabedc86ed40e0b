package com.freshloop.streams.scenario.functions;

import com.freshloop.events.EventEnvelope;
import com.freshloop.events.streams.v1.StreamEvent;
import com.freshloop.streams.scenario.ScenarioSettings;
import com.freshloop.streams.scenario.records.ContextFact;
import com.freshloop.streams.scenario.records.RegionContext;
import com.freshloop.streams.scenario.records.Scenario;
import com.freshloop.streams.scenario.records.UserRegion;
import com.freshloop.streams.scenario.records.UserScenarios;
import com.freshloop.streams.scenario.records.UserScenarios.Held;
import com.freshloop.streams.signals.Signals;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Scenario tags: the context of each region (weather, holidays) is broadcast to every instance, which
 * keeps, per user (the key), the region of their newest order and the scenario tags they hold.
 *
 * <ul>
 *   <li>An order in a new region: the shopper gets that region's scenarios and loses the old ones.
 *   <li>A weather observation or holiday: every shopper of that region (all shoppers for {@code *})
 *       gets the new scenarios and loses those that no longer hold.
 * </ul>
 *
 * <p>A broadcast rather than a join keyed by region: context is tiny (a few events per region and day)
 * and every instance holds all of it, while the shoppers stay spread over the instances by user, so no
 * region becomes one hot key holding millions of shoppers; a context event costs one pass over the
 * instance's shoppers.
 *
 * <p>An assignment's id derives from the context event that justifies it and the time the shopper
 * arrived in the region, and is dated by the later of the two; so it is the same whichever of the order
 * and the context event is processed first (the two inputs interleave differently from run to run).
 * A revocation's id derives from the assignment it revokes.
 */
public final class ScenarioFunction
        extends KeyedBroadcastProcessFunction<String, UserRegion, ContextFact, EventEnvelope<StreamEvent>> {

    public static final String JOB = "scenario-tags";

    /** The broadcast state: region (or {@code *}) to its context. */
    public static final MapStateDescriptor<String, RegionContext> REGIONS =
            new MapStateDescriptor<>("scenario-regions", Types.STRING, TypeInformation.of(RegionContext.class));

    private static final long serialVersionUID = 1L;

    private final ScenarioSettings settings;
    private final ScenarioRules rules;

    private transient ValueStateDescriptor<UserScenarios> usersDescriptor;
    private transient ValueState<UserScenarios> users;

    public ScenarioFunction(ScenarioSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.rules = new ScenarioRules(settings);
    }

    @Override
    public void open(OpenContext openContext) {
        usersDescriptor = new ValueStateDescriptor<>("scenario-user", TypeInformation.of(UserScenarios.class));
        usersDescriptor.enableTimeToLive(StateTtlConfig.newBuilder(settings.stateTtl())
                .updateTtlOnCreateAndWrite()
                .neverReturnExpired()
                .build());
        users = getRuntimeContext().getState(usersDescriptor);
    }

    @Override
    public void processElement(UserRegion order, ReadOnlyContext context, Collector<EventEnvelope<StreamEvent>> out)
            throws Exception {
        // No watermark-based lateness here: a region is a fact whose age does not matter, and the context
        // input (quiet for days) would hold this operator's watermark back anyway. An order older than the
        // newest one seen never moves a shopper.
        UserScenarios before = users.value() == null ? UserScenarios.none() : users.value();
        if (before.region() != null && order.eventTime() < before.lastSeen()) {
            // An older order arriving late says nothing about where the shopper is now.
            return;
        }
        if (order.region().equals(before.region())) {
            users.update(before.seen(order.eventTime()));
            return;
        }
        UserScenarios moved = before.movedTo(order.region(), order.eventTime());
        ReadOnlyBroadcastState<String, RegionContext> regions = context.getBroadcastState(REGIONS);
        List<Scenario> wanted = rules.of(regions.get(order.region()), regions.get(ContextFact.EVERYWHERE));
        users.update(reconcile(moved, wanted, order.eventTime(), order.userId(), out));
    }

    @Override
    public void processBroadcastElement(ContextFact fact, Context context, Collector<EventEnvelope<StreamEvent>> out)
            throws Exception {
        BroadcastState<String, RegionContext> regions = context.getBroadcastState(REGIONS);
        RegionContext before = regions.get(fact.region()) == null ? RegionContext.empty() : regions.get(fact.region());
        RegionContext after = before.with(fact, rules.day(fact.eventTime()));
        if (after.equals(before)) {
            return;
        }
        regions.put(fact.region(), after);
        RegionContext everywhere = regions.get(ContextFact.EVERYWHERE);
        boolean forAll = ContextFact.EVERYWHERE.equals(fact.region());
        context.applyToKeyedState(usersDescriptor, (user, state) -> {
            UserScenarios held = state.value();
            if (held == null
                    || held.region() == null
                    || !(forAll || fact.region().equals(held.region()))) {
                return;
            }
            List<Scenario> wanted = rules.of(regions.get(held.region()), everywhere);
            UserScenarios next = reconcile(held, wanted, fact.eventTime(), user, out);
            if (!next.equals(held)) {
                state.update(next);
            }
        });
    }

    /**
     * Emits the scenarios the shopper should hold and does not (or holds on other grounds), revokes
     * those that no longer hold and have not expired anyway; returns what they hold now.
     */
    private static UserScenarios reconcile(
            UserScenarios held,
            List<Scenario> wanted,
            long now,
            String user,
            Collector<EventEnvelope<StreamEvent>> out) {
        List<Held> next = new ArrayList<>();
        Set<String> tags = new HashSet<>();
        for (Scenario scenario : wanted) {
            long asOf = Math.max(scenario.causeTime(), held.since());
            if (scenario.expiresAt() <= asOf || !tags.add(scenario.tag())) {
                continue;
            }
            String cause = scenario.cause() + "@" + held.since();
            int index = held.indexOf(scenario.tag());
            if (index >= 0 && held.causes()[index].equals(cause)) {
                next.add(new Held(scenario.tag(), cause, held.expiresAt()[index], held.assignedAt()[index]));
                continue;
            }
            out.collect(Signals.assigned(
                    JOB,
                    user,
                    scenario.tag(),
                    scenario.score(),
                    Instant.ofEpochMilli(scenario.expiresAt()),
                    Instant.ofEpochMilli(asOf),
                    cause));
            next.add(new Held(scenario.tag(), cause, scenario.expiresAt(), asOf));
        }
        for (int i = 0; i < held.tags().length; i++) {
            long asOf = Math.max(now, held.assignedAt()[i]);
            if (!tags.contains(held.tags()[i]) && held.expiresAt()[i] > asOf) {
                out.collect(Signals.revoked(JOB, user, held.tags()[i], Instant.ofEpochMilli(asOf), held.causes()[i]));
            }
        }
        return held.holding(next);
    }
}
