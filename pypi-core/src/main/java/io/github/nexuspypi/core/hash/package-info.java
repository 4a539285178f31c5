/**
 * The digests an index publishes for a file (md5, sha256, BLAKE2b-256), computed in one pass while the file streams
 * by, so that no file is read twice.
 */
package io.github.nexuspypi.core.hash;
