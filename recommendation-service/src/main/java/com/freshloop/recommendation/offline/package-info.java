/**
 * Offline next-basket evaluation: the Ta-Feng and Groceries protocols of shared/datasets/README.md,
 * the metrics, the published baselines and the {@code ./freshloop eval recommendations} command.
 */
@NullMarked
package com.freshloop.recommendation.offline;

import org.jspecify.annotations.NullMarked;
