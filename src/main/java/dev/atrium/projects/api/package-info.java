/** HTTP resources of projects, milestones and tasks, under /t/{tenant}/api/v1; request and response records. */
package dev.atrium.projects.api;
