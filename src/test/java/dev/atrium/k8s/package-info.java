/**
 * Offline validation of the Kubernetes manifests in {@code k8s/}: rendered with the real Kustomize, checked strictly
 * against the operators' CRD schemas and Kubernetes' own models, then across resources and against policy.
 */
package dev.atrium.k8s;
