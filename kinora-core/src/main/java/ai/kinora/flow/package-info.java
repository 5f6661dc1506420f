/**
 * Rectified flow: the straight path between data and noise, its velocity target and loss, training
 * timestep sampling, the token-count time shift and pure sampling schedules; seeded noise.
 */
package ai.kinora.flow;
