package io.driftscope.demo;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's shop application in namespace {@code shop}: three Deployments, their Services, an
 * Ingress, an HPA, a ServiceAccount, ConfigMaps and a Secret. Prod drifts from staging as real
 * environments do: a hotfix image on {@code api}, more {@code web} replicas, {@code worker} missing
 * an env var, a ConfigMap only in staging and one only in prod, a different secret value.
 */
final class DemoShop {

  static final String NAMESPACE = "shop";

  private DemoShop() {}

  /** The documents of one environment, namespace first. */
  static List<String> documents(boolean prod) {
    List<String> docs = new ArrayList<>();
    docs.add("{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"shop\"}}");
    docs.add(
        """
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: shop, namespace: shop, labels: {app.kubernetes.io/part-of: shop}}
        """);
    docs.add(
        """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: shop-config-reader, namespace: shop}
        rules:
        - apiGroups: [""]
          resources: [configmaps]
          verbs: [get, list, watch]
        """);
    docs.add(
        """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: shop-config-reader, namespace: shop}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: shop-config-reader}
        subjects:
        - {kind: ServiceAccount, name: shop, namespace: shop}
        """);
    docs.add(
        """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: shop-settings, namespace: shop, labels: {app.kubernetes.io/part-of: shop}}
        data:
          currency: EUR
          checkout.timeoutSeconds: "30"
          catalog.pageSize: "24"
        """);
    docs.add(
        prod
            ? """
              apiVersion: v1
              kind: ConfigMap
              metadata: {name: prod-overrides, namespace: shop}
              data: {rateLimit.perMinute: "600", cdn.enabled: "true"}
              """
            : """
              apiVersion: v1
              kind: ConfigMap
              metadata: {name: feature-flags, namespace: shop}
              data: {newCheckout: "true", recommendations: "beta"}
              """);
    docs.add(
        """
        apiVersion: v1
        kind: Secret
        metadata: {name: shop-db, namespace: shop}
        type: Opaque
        stringData: {username: shop, password: %s}
        """
            .formatted(prod ? "pr0d-Secr3t-2024" : "staging-pass"));
    docs.add(
        deployment("web", "ghcr.io/example/shop-web:2.3.0", prod ? 4 : 2, 8080, "LOG_LEVEL: info"));
    docs.add(
        deployment(
            "api",
            prod ? "ghcr.io/example/shop-api:1.4.2-hotfix1" : "ghcr.io/example/shop-api:1.4.2",
            3,
            9090,
            "DB_HOST: shop-db.shop.svc\n          LOG_LEVEL: info"));
    docs.add(
        deployment(
            "worker",
            "ghcr.io/example/shop-worker:1.1.0",
            1,
            9100,
            prod ? "QUEUE: orders" : "QUEUE: orders\n          RETRY_LIMIT: \"5\""));
    docs.add(service("web", 80, 8080));
    docs.add(service("api", 9090, 9090));
    docs.add(
        """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: shop, namespace: shop}
        spec:
          ingressClassName: nginx
          rules:
          - host: %s
            http:
              paths:
              - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
              - {path: /api, pathType: Prefix, backend: {service: {name: api, port: {number: 9090}}}}
        """
            .formatted(prod ? "shop.example.com" : "shop.staging.example.com"));
    docs.add(
        """
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: api, namespace: shop}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
          minReplicas: 2
          maxReplicas: %d
          metrics:
          - type: Resource
            resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}
        """
            .formatted(prod ? 10 : 4));
    return docs;
  }

  private static String deployment(String name, String image, int replicas, int port, String env) {
    StringBuilder envList = new StringBuilder();
    for (String line : env.split("\n")) {
      String[] kv = line.trim().split(": ", 2);
      envList
          .append("\n            - {name: ")
          .append(kv[0])
          .append(", value: ")
          .append(kv[1])
          .append('}');
    }
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: %1$s
          namespace: shop
          labels: {app: %1$s, app.kubernetes.io/part-of: shop}
        spec:
          replicas: %3$d
          selector: {matchLabels: {app: %1$s}}
          template:
            metadata: {labels: {app: %1$s}}
            spec:
              serviceAccountName: shop
              containers:
              - name: %1$s
                image: %2$s
                ports: [{containerPort: %4$d, protocol: TCP}]
                resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {memory: 256Mi}}
                env:%5$s
        """
        .formatted(name, image, replicas, port, envList);
  }

  private static String service(String name, int port, int target) {
    return """
        apiVersion: v1
        kind: Service
        metadata: {name: %1$s, namespace: shop, labels: {app: %1$s}}
        spec:
          selector: {app: %1$s}
          ports: [{name: http, port: %2$d, targetPort: %3$d, protocol: TCP}]
        """
        .formatted(name, port, target);
  }

  /** Creates the documents through a client. */
  static void seed(KubernetesClient client, boolean prod) {
    for (String doc : documents(prod)) {
      client.resource(Serialization.unmarshal(doc, GenericKubernetesResource.class)).create();
    }
  }
}
