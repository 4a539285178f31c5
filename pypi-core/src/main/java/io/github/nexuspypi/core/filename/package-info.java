/**
 * Distribution file names: wheels (PEP 427, PEP 491) and sdists (PEP 625 and the legacy spellings), parsed into
 * project, version and tags, and refused when they could escape a path or name another project.
 */
package io.github.nexuspypi.core.filename;
