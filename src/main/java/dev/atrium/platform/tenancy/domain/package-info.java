/** The tenant aggregate, its value objects and lifecycle rules, and the ports tenancy needs from the outside. */
package dev.atrium.platform.tenancy.domain;
