/**
 * Kinora's neural-network foundation on DJL's PyTorch engine: a named parameter store with
 * safetensors checkpoints, typed layers (linear, norms, causal 3D convolution, attention), scoped
 * autograd steps, AdamW, EMA and learning-rate schedules.
 *
 * <p>Memory rule: parameters and optimizer state live in the store's long-lived manager; every
 * forward, backward and optimizer update runs inside a {@link ai.kinora.nn.Step}, whose sub-manager
 * owns every temporary and is closed at the end of the step.
 */
package ai.kinora.nn;
