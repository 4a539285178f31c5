/**
 * Core metadata read from inside a wheel ({@code .dist-info/METADATA}) or an sdist ({@code PKG-INFO}), reading only
 * that one entry, under limits that make a hostile archive cost no more than an honest one.
 */
package io.github.nexuspypi.core.metadata;
