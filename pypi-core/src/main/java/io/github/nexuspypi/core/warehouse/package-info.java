/**
 * The Warehouse JSON API ({@code /pypi/<project>/json}, {@code /pypi/<project>/<version>/json}) that poetry,
 * Renovate and pip-audit read: written from releases and their core metadata, and merged across repositories.
 */
package io.github.nexuspypi.core.warehouse;
