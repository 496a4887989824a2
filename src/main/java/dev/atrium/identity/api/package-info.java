/** REST resources of the identity module. */
package dev.atrium.identity.api;
