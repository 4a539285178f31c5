/**
 * Project names (PEP 503): which names are valid, and the one normalised form under which names are compared, stored
 * and served everywhere.
 */
package io.github.nexuspypi.core.name;
