/**
 * Tenant exports: a zip of JSON per module (every table a module declares) plus the tenant's media files, built by a
 * job with progress, stored beside the media and downloaded through a signed, expiring link; for the tenant's admins
 * and the operator.
 */
package dev.atrium.platform.export;
