package io.driftscope.demo;

import java.util.List;

/**
 * The built-in resource types the demo API server serves, a subset of Kubernetes 1.32 large enough
 * for Driftscope: the kinds it compares, the noisy kinds it skips, and review kinds that cannot be
 * listed. Per group the first version listed is the preferred one.
 */
final class BuiltinKinds {

  static final List<ApiKind> ALL =
      List.of(
          ApiKind.of("v1", "Namespace", "namespaces", false),
          ApiKind.of("v1", "ConfigMap", "configmaps", true),
          ApiKind.of("v1", "Secret", "secrets", true),
          ApiKind.of("v1", "Service", "services", true),
          ApiKind.of("v1", "ServiceAccount", "serviceaccounts", true),
          ApiKind.of("v1", "Pod", "pods", true),
          ApiKind.of("v1", "PersistentVolumeClaim", "persistentvolumeclaims", true),
          ApiKind.of("v1", "PersistentVolume", "persistentvolumes", false),
          ApiKind.of("v1", "Endpoints", "endpoints", true),
          ApiKind.of("v1", "Event", "events", true),
          ApiKind.of("v1", "ResourceQuota", "resourcequotas", true),
          ApiKind.of("v1", "LimitRange", "limitranges", true),
          ApiKind.of("v1", "Binding", "bindings", true).withVerbs("create"),
          ApiKind.of("apps/v1", "Deployment", "deployments", true),
          ApiKind.of("apps/v1", "StatefulSet", "statefulsets", true),
          ApiKind.of("apps/v1", "DaemonSet", "daemonsets", true),
          ApiKind.of("apps/v1", "ReplicaSet", "replicasets", true),
          ApiKind.of("apps/v1", "ControllerRevision", "controllerrevisions", true),
          ApiKind.of("batch/v1", "Job", "jobs", true),
          ApiKind.of("batch/v1", "CronJob", "cronjobs", true),
          ApiKind.of("networking.k8s.io/v1", "Ingress", "ingresses", true),
          ApiKind.of("networking.k8s.io/v1", "NetworkPolicy", "networkpolicies", true),
          ApiKind.of("autoscaling/v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers", true),
          ApiKind.of("autoscaling/v1", "HorizontalPodAutoscaler", "horizontalpodautoscalers", true),
          ApiKind.of("policy/v1", "PodDisruptionBudget", "poddisruptionbudgets", true),
          ApiKind.of("rbac.authorization.k8s.io/v1", "Role", "roles", true),
          ApiKind.of("rbac.authorization.k8s.io/v1", "RoleBinding", "rolebindings", true),
          ApiKind.of("rbac.authorization.k8s.io/v1", "ClusterRole", "clusterroles", false),
          ApiKind.of(
              "rbac.authorization.k8s.io/v1", "ClusterRoleBinding", "clusterrolebindings", false),
          ApiKind.of("coordination.k8s.io/v1", "Lease", "leases", true),
          ApiKind.of("discovery.k8s.io/v1", "EndpointSlice", "endpointslices", true),
          ApiKind.of("events.k8s.io/v1", "Event", "events", true),
          ApiKind.of("storage.k8s.io/v1", "StorageClass", "storageclasses", false),
          ApiKind.of(
              "apiextensions.k8s.io/v1",
              "CustomResourceDefinition",
              "customresourcedefinitions",
              false),
          ApiKind.of("authentication.k8s.io/v1", "TokenReview", "tokenreviews", false)
              .withVerbs("create"),
          ApiKind.of(
                  "authorization.k8s.io/v1",
                  "SelfSubjectAccessReview",
                  "selfsubjectaccessreviews",
                  false)
              .withVerbs("create"),
          ApiKind.of(
                  "authorization.k8s.io/v1", "SubjectAccessReview", "subjectaccessreviews", false)
              .withVerbs("create"));

  /** Subresources discovery lists next to their parent, as a real server does. */
  static final List<String> SUBRESOURCES_WITH_STATUS =
      List.of("deployments", "statefulsets", "daemonsets", "replicasets", "jobs", "cronjobs");

  private BuiltinKinds() {}
}
