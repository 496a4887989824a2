/** The JAX-RS application and the HTTP conventions shared by every module's resources. */
package dev.atrium.platform.api;
