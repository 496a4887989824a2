/** Roles and the rules that bind a verified token to what its bearer may do. */
package dev.atrium.platform.security;
