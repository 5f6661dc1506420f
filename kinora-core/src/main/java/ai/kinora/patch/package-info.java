/**
 * Spacetime patches (the Sora report's "spacetime latent patches"): latents of any duration and
 * size become a sequence of tokens with integer (t, y, x) coordinates, and back.
 */
package ai.kinora.patch;
