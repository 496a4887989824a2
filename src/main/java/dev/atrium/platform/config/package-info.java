/** Configuration every module shares: the development-mode switch and the checks on development-only settings. */
package dev.atrium.platform.config;
