/**
 * The legacy upload API (what {@code twine upload} sends): the form, its checks in Warehouse's order with
 * Warehouse's messages, and the accepted spellings of a file's name. The server side and the publisher use the
 * same rules.
 */
package io.github.nexuspypi.core.upload;
