/** Bounded, page-numbered lists shared by every module's list endpoints. */
package dev.atrium.platform.paging;
