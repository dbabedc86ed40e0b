/** Kafka listeners that hand each event to every feature that reacts to it. */
@NullMarked
package com.freshloop.membership.inbox;

import org.jspecify.annotations.NullMarked;
