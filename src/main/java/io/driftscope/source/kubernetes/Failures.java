package io.driftscope.source.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/** Turns client failures into the short reasons Driftscope's one-line errors end with. */
final class Failures {

  private Failures() {}

  /** The innermost message of a chain, or the class name when it has none. */
  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage();
    if (m == null || m.isBlank()) {
      return t.getClass().getSimpleName();
    }
    if (!m.contains("\n")) {
      return m;
    }
    // YAML parser messages: unindented lines say what is wrong, "in reader, line L" where.
    List<String> parts = new ArrayList<>();
    String mark = null;
    for (String line : m.split("\n")) {
      if (!line.isBlank() && !line.startsWith(" ")) {
        parts.add(line.trim());
      } else if (line.trim().startsWith("in reader, ")) {
        mark = line.trim().substring("in reader, ".length()).replaceAll(":$", "");
      }
    }
    return String.join(": ", parts) + (mark == null ? "" : " (" + mark + ")");
  }

  /** The HTTP status of a failed API call, or 0 when the server was not reached. */
  static int httpCode(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof KubernetesClientException k && k.getCode() > 0) {
        return k.getCode();
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return 0;
  }

  /**
   * Why the server could not be reached ({@code connection refused}, {@code timed out} …), or null
   * when the failure is not a connection problem.
   */
  static String connectionProblem(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage()).toLowerCase();
      if (t instanceof ConnectException || m.contains("connection refused")) {
        return m.contains("refused") || t instanceof ConnectException && m.equals("null")
            ? "connection refused"
            : "cannot connect: " + t.getMessage();
      }
      if (t instanceof UnknownHostException) {
        return "unknown host " + t.getMessage();
      }
      if (t instanceof NoRouteToHostException) {
        return "no route to host";
      }
      if (t instanceof SocketTimeoutException
          || t instanceof TimeoutException
          || m.contains("timed out")
          || m.contains("timeout")) {
        return "timed out";
      }
      if (t instanceof SSLException) {
        return "TLS failed: " + t.getMessage();
      }
      if (m.contains("connection was closed") || m.contains("connection reset")) {
        return "connection closed";
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  /** A reason for a failed call: the connection problem, the HTTP status, or the root message. */
  static String reason(Throwable e) {
    String c = connectionProblem(e);
    if (c != null) {
      return c;
    }
    int code = httpCode(e);
    if (code == 401) {
      return "unauthorized (401): check the credentials in the kubeconfig";
    }
    if (code == 403) {
      return "forbidden (403)";
    }
    return code > 0 ? "HTTP " + code + ": " + rootMessage(e) : rootMessage(e);
  }
}
