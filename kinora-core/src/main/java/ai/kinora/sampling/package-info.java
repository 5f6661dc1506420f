/**
 * The one denoising loop: stateless solvers, classifier-free guidance (with negative prompts), and
 * every task's conditioning as a sealed family of records compiled to clean tokens, a per-token
 * mask, ties and a start time.
 */
package ai.kinora.sampling;
