/**
 * The diffusion transformer on spacetime patches: config and presets, the block (adaLN-Zero,
 * self-attention with 3D rotary positions, cross-attention to text, MLP) and the model, which
 * predicts the rectified-flow velocity. Conditioning tokens are seen at timestep 0.
 */
package ai.kinora.dit;
