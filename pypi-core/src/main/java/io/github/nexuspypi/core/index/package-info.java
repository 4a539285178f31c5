/**
 * The simple repository API as data: a project page and the root list, written as PEP 503 HTML or PEP 691 JSON
 * (chosen from the request's {@code Accept}), and parsed back from either, streaming, from pages of any size.
 * Carries PEP 592 yanks, PEP 658/714 core metadata, PEP 700 sizes and upload times, PEP 629 versions.
 */
package io.github.nexuspypi.core.index;
