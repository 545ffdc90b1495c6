/**
 * File sources: Kubernetes manifests in a file or folder ({@link
 * io.driftscope.source.file.ManifestSource}), snapshots ({@link
 * io.driftscope.source.file.SnapshotSource}, {@link io.driftscope.source.file.SnapshotFormat}), and
 * the factory that tells them apart by content ({@link
 * io.driftscope.source.file.FileSourceFactory}, {@link io.driftscope.source.file.ContentSniffer}).
 */
package io.driftscope.source.file;
