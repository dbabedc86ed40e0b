/** The grow-your-vegetables game: plant, water through real actions (capped per day), harvest for points. */
@NullMarked
package com.freshloop.membership.garden;

import org.jspecify.annotations.NullMarked;
