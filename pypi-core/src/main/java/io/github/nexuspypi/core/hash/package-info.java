/**
 * The digests an index publishes for a file (md5, sha256, BLAKE2b-256), and the sha1 a repository keys it by,
 * computed in one pass while the file streams by, so that no file is read twice.
 */
package io.github.nexuspypi.core.hash;
