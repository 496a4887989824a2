/**
 * Projects: planning and tracking work for a tenant's members — projects with members and roles, milestones, tasks
 * on a kanban board with blocking relations, the activity history of every change, and progress.
 */
package dev.atrium.projects;
