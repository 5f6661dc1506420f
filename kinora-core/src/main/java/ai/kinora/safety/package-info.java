/**
 * Safety and provenance: the content policy every prompt passes before any compute, the invisible
 * watermark in the pixels of every generated file and its detector, and the provenance record
 * written into each file's metadata.
 */
package ai.kinora.safety;
