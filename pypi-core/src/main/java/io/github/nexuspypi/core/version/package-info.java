/**
 * Versions (PEP 440): parsing, the normalised spelling, equality ({@code 1.0} equals {@code 1.0.0}), ordering and
 * what counts as a pre-, post-, dev- or local release.
 */
package io.github.nexuspypi.core.version;
