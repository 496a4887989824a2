/**
 * Audit logs: the platform's (operators' actions on tenants, {@link AuditTrail}) and each tenant's own (what its admins
 * and members did to its membership and data, {@link TenantAuditLog}, read by the tenant's admins).
 */
package dev.atrium.platform.audit;
