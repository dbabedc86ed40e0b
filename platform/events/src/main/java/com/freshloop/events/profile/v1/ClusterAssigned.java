package com.freshloop.events.profile.v1;

/**
 * A user was assigned to a behaviour cluster.
 *
 * @param cluster cluster index in the model
 * @param name readable name, e.g. {@code price-sensitive family}
 * @param modelVersion version of the clustering model
 */
public record ClusterAssigned(int cluster, String name, String modelVersion) implements ProfileEvent {}
