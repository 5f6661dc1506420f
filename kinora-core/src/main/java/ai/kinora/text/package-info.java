/**
 * Text for conditioning: a tokenizer over Kinora World's vocabulary and a small transformer text
 * encoder trained with the diffusion transformer, behind an interface a pretrained encoder can
 * implement. The empty prompt is the unconditional prompt of classifier-free guidance.
 */
package ai.kinora.text;
