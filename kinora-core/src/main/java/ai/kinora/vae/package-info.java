/**
 * Kinora's video compression network: a causal 3D VAE ({@link ai.kinora.vae.VideoVae}) that
 * compresses video 8x in space and 4x in time (1 + 4k frames to 1 + k latent frames; an image is a
 * one-frame video), its configuration and presets ({@link ai.kinora.vae.VaeConfig}), frame and
 * tensor conversion with the padding rules for any size and length ({@link
 * ai.kinora.vae.VideoTensors}), and chunked encoding and decoding of long videos with a causal
 * cache ({@link ai.kinora.vae.VaeCodec}).
 */
package ai.kinora.vae;
