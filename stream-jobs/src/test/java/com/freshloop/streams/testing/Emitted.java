package com.freshloop.streams.testing;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.streams.v1.CartAbandoned;
import com.freshloop.events.streams.v1.RepurchaseDue;
import com.freshloop.events.streams.v1.TagAssigned;
import com.freshloop.events.streams.v1.TagRevoked;
import java.util.List;

/** What the jobs emit, in a form that reads well in assertions. */
public final class Emitted {

    private Emitted() {}

    /**
     * e.g. {@code u-1 +interest:organic=0.5}, {@code u-1 -cart_abandoned},
     * {@code u-1 cart.abandoned[eggs, bread]}, {@code u-1 repurchase.due milk-1l/7.0}.
     */
    public static String describe(EventEnvelope<? extends EventData> event) {
        String what;
        if (event.data() instanceof TagAssigned assigned) {
            what = "+" + assigned.tag() + "=" + assigned.score();
        } else if (event.data() instanceof TagRevoked revoked) {
            what = "-" + revoked.tag();
        } else if (event.data() instanceof CartAbandoned abandoned) {
            what = "cart.abandoned" + abandoned.skus();
        } else if (event.data() instanceof RepurchaseDue due) {
            what = "repurchase.due " + due.sku() + "/" + due.cycleDays();
        } else {
            what = event.type();
        }
        return event.subject() + " " + what;
    }

    public static List<String> describe(List<? extends EventEnvelope<? extends EventData>> events) {
        return events.stream().map(Emitted::describe).toList();
    }
}
