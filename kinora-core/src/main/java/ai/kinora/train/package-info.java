/**
 * Training of the text-to-video model: the random frame-conditioning masks and the joint DiT and
 * text-encoder step (the training loop itself builds on these).
 */
package ai.kinora.train;
