/**
 * Kinora's main job, text to video: the prompt enhancer, the choice of native size, and the
 * pipeline from prompt to frames (text encoder, diffusion transformer, sampler, VAE decoder).
 */
package ai.kinora.generate;
